package dev.editeval.domain.export;

import static dev.editeval.domain.export.ReportText.escape;
import static dev.editeval.domain.export.ReportText.few;
import static dev.editeval.domain.export.ReportText.fixed;

import dev.editeval.domain.aggregate.AggregateReport.Cell;
import dev.editeval.domain.stats.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's charts, as inline SVG with no script: an interval plot per dimension (every model's mean and 95 %
 * interval on the rubric's scale) and a heat map of the means, model by dimension. A cell with few scores is drawn
 * dashed and hatched and says its n, so a narrow interval on two scores does not read as a sure one.
 */
final class ReportCharts {

    private static final int LABEL_WIDTH = 150;
    private static final int PLOT_WIDTH = 300;
    private static final int ROW_HEIGHT = 26;
    private static final int CELL_WIDTH = 128;
    private static final int CELL_HEIGHT = 44;
    private static final int HEADER_LINE = 14;
    private static final int NAME_CHARS = 21;
    private static final int HEADER_CHARS = 19;
    private static final String HATCH = "<defs><pattern id=\"few\" width=\"6\" height=\"6\""
            + " patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
            + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#888\" stroke-width=\"1.5\"/></pattern></defs>";

    private ReportCharts() {
    }

    /** One row of an interval plot: an estimate, its interval, and whether it stands on too few data to trust. */
    record Row(String name, double estimate, Interval interval, long n, boolean rough) {

        static Row of(Cell cell) {
            return new Row(cell.model(), cell.mean(), cell.meanInterval(), cell.n(), few(cell.n()));
        }
    }

    /** The ranked cells of one dimension on the rubric's scale. */
    static String intervals(String dimensionTitle, List<Cell> ranked) {
        int low = ranked.stream().mapToInt(Cell::scaleMin).min().orElse(0);
        int high = Math.max(low + 1, ranked.stream().mapToInt(c -> c.scaleMin() + c.distribution().length - 1)
                .max().orElse(1));
        return intervals("Mean and 95% interval per model: " + dimensionTitle, ranked.stream().map(Row::of).toList(),
                low, high);
    }

    /** A row per estimate, a line for its interval, the whole numbers from {@code low} to {@code high} marked. */
    static String intervals(String label, List<Row> rows, int low, int high) {
        int width = LABEL_WIDTH + PLOT_WIDTH + 130;
        int height = rows.size() * ROW_HEIGHT + 28;
        StringBuilder svg = new StringBuilder("<svg class=\"chart\" width=\"" + width + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + width + " " + height + "\" role=\"img\" aria-label=\"" + escape(label)
                + "\">");
        for (int point = low; point <= high; point++) {
            long x = x(point, low, high);
            svg.append("<line x1=\"").append(x).append("\" y1=\"4\" x2=\"").append(x).append("\" y2=\"")
                    .append(height - 20).append("\" stroke=\"#e3e3e3\"/><text x=\"").append(x).append("\" y=\"")
                    .append(height - 6).append("\" text-anchor=\"middle\" class=\"axis\">").append(point)
                    .append("</text>");
        }
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            int y = 4 + i * ROW_HEIGHT + ROW_HEIGHT / 2;
            svg.append("<text x=\"").append(LABEL_WIDTH - 10).append("\" y=\"").append(y + 4)
                    .append("\" text-anchor=\"end\">").append(name(row.name(), NAME_CHARS)).append("</text>");
            if (row.interval().isBounded()) {
                svg.append("<line class=\"interval\" x1=\"").append(x(row.interval().low(), low, high))
                        .append("\" y1=\"").append(y).append("\" x2=\"").append(x(row.interval().high(), low, high))
                        .append("\" y2=\"").append(y)
                        .append(row.rough() ? "\" stroke=\"#999\" stroke-dasharray=\"4 3\"" : "\" stroke=\"#36c\"")
                        .append(" stroke-width=\"5\" stroke-linecap=\"round\"/>");
            }
            svg.append("<circle cx=\"").append(x(row.estimate(), low, high)).append("\" cy=\"").append(y)
                    .append(row.rough() ? "\" r=\"5\" fill=\"#fff\" stroke=\"#555\" stroke-width=\"2\"/>"
                            : "\" r=\"5\" fill=\"#123\"/>")
                    .append("<text x=\"").append(LABEL_WIDTH + PLOT_WIDTH + 14).append("\" y=\"").append(y + 4)
                    .append("\">").append(fixed(row.estimate())).append("  n=").append(row.n())
                    .append(row.rough() ? " (few)" : row.interval().isBounded() ? "" : " (no interval)")
                    .append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /**
     * Means by model (rows) and dimension (columns), shaded from the scale's lowest (light) to its highest (dark).
     *
     * @param cells  by model, then by dimension id in the order of the columns
     * @param titles each column's dimension title, in order
     */
    static String heatMap(String label, Map<String, Map<String, Cell>> cells, List<String> dimensions,
                          List<String> titles) {
        List<List<String>> headers = titles.stream().map(t -> wrap(t, HEADER_CHARS)).toList();
        int headerHeight = headers.stream().mapToInt(List::size).max().orElse(1) * HEADER_LINE + 8;
        int width = LABEL_WIDTH + dimensions.size() * CELL_WIDTH + 2;
        int height = headerHeight + cells.size() * CELL_HEIGHT + 2;
        StringBuilder svg = new StringBuilder("<svg class=\"chart\" width=\"" + width + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + width + " " + height + "\" role=\"img\" aria-label=\""
                + escape("Mean score by model and dimension: " + label) + "\">" + HATCH);
        for (int d = 0; d < dimensions.size(); d++) {
            List<String> lines = headers.get(d);
            for (int l = 0; l < lines.size(); l++) {
                svg.append("<text x=\"").append(LABEL_WIDTH + d * CELL_WIDTH + CELL_WIDTH / 2).append("\" y=\"")
                        .append(headerHeight - 8 - (lines.size() - 1 - l) * HEADER_LINE)
                        .append("\" text-anchor=\"middle\" class=\"head\">").append(escape(lines.get(l)))
                        .append("</text>");
            }
        }
        int row = 0;
        for (Map.Entry<String, Map<String, Cell>> model : cells.entrySet()) {
            int y = headerHeight + row++ * CELL_HEIGHT;
            svg.append("<text x=\"").append(LABEL_WIDTH - 10).append("\" y=\"").append(y + CELL_HEIGHT / 2 + 4)
                    .append("\" text-anchor=\"end\">").append(name(model.getKey(), NAME_CHARS)).append("</text>");
            for (int d = 0; d < dimensions.size(); d++) {
                svg.append(heatCell(model.getValue().get(dimensions.get(d)), LABEL_WIDTH + d * CELL_WIDTH, y));
            }
        }
        return svg.append("</svg>").toString();
    }

    private static String heatCell(Cell cell, int x, int y) {
        String box = "<rect x=\"" + (x + 1) + "\" y=\"" + (y + 1) + "\" width=\"" + (CELL_WIDTH - 2) + "\" height=\""
                + (CELL_HEIGHT - 2) + "\"";
        int mid = x + CELL_WIDTH / 2;
        if (cell == null || cell.n() == 0) {
            return box + " fill=\"#f4f4f4\"/><text x=\"" + mid + "\" y=\"" + (y + CELL_HEIGHT / 2 + 4)
                    + "\" text-anchor=\"middle\" class=\"axis\">no scores</text>";
        }
        int high = cell.scaleMin() + cell.distribution().length - 1;
        double share = high == cell.scaleMin() ? 1 : (cell.mean() - cell.scaleMin()) / (high - cell.scaleMin());
        boolean dark = share > 0.55;
        StringBuilder out = new StringBuilder(box).append(" fill=\"").append(shade(share)).append("\"/>");
        if (few(cell.n())) {
            out.append(box).append(" fill=\"url(#few)\" opacity=\"0.5\"/>");
        }
        String ink = dark ? " fill=\"#fff\"" : " fill=\"#111\"";
        out.append("<text x=\"").append(mid).append("\" y=\"").append(y + 20).append("\" text-anchor=\"middle\"")
                .append(ink).append(" class=\"mean\">").append(fixed(cell.mean())).append("</text><text x=\"")
                .append(mid).append("\" y=\"").append(y + 35).append("\" text-anchor=\"middle\"").append(ink)
                .append(" class=\"small\">n=").append(cell.n()).append(few(cell.n()) ? ", few" : "")
                .append("</text>");
        return out.toString();
    }

    /** From #eef3fa at the scale's lowest to #17427d at its highest: one hue, so it reads in grey and to all eyes. */
    static String shade(double share) {
        double t = Math.max(0, Math.min(1, share));
        int r = (int) Math.round(0xee + (0x17 - 0xee) * t);
        int g = (int) Math.round(0xf3 + (0x42 - 0xf3) * t);
        int b = (int) Math.round(0xfa + (0x7d - 0xfa) * t);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    /** Where a value falls on the plot; past either end of the scale it sits at that end. */
    private static long x(double value, double min, double max) {
        double clamped = Math.max(min, Math.min(max, value));
        return Math.round(LABEL_WIDTH + (clamped - min) / (max - min) * PLOT_WIDTH);
    }

    /** A name cut to fit its column, the whole of it in a tooltip; escaped. */
    private static String name(String name, int chars) {
        String shown = name.length() <= chars ? name : name.substring(0, chars - 1) + "\u2026";
        return "<title>" + escape(name) + "</title>" + escape(shown);
    }

    /** Words into lines of at most {@code chars} (a longer word has a line of its own), at most three lines. */
    static List<String> wrap(String text, int chars) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > chars) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines.size() <= 3 ? lines : List.of(lines.get(0), lines.get(1), lines.get(2) + "\u2026");
    }
}
