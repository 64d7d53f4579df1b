package dev.editeval.domain.export;

import dev.editeval.domain.aggregate.Aggregation;
import dev.editeval.domain.rubric.Dimension;
import dev.editeval.domain.rubric.GateOption;
import dev.editeval.domain.rubric.Rubric;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the report calls a dimension and a feasibility verdict: the rubric's own words, never its ids. An id no
 * rubric of the export names (rows aggregated without one) is shown as it is.
 */
public record ReportLabels(Map<String, String> dimensions, Map<String, String> verdicts) {

    public static final ReportLabels NONE = new ReportLabels(Map.of(), Map.of());

    /** @param dimensions in the rubric's order, which the report keeps */
    public ReportLabels {
        dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
        verdicts = Collections.unmodifiableMap(new LinkedHashMap<>(verdicts));
    }

    /** The labels of the rubrics the export's rows were given under; the first rubric to name an id wins. */
    public static ReportLabels of(Collection<Rubric> rubrics) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        Map<String, String> verdicts = new LinkedHashMap<>();
        for (Rubric rubric : rubrics) {
            for (Dimension dimension : rubric.dimensions()) {
                dimensions.putIfAbsent(dimension.id(), dimension.label());
            }
            for (GateOption option : rubric.feasibility().options()) {
                verdicts.putIfAbsent(option.value(), option.label());
            }
        }
        dimensions.putIfAbsent(Aggregation.FEASIBILITY, "Feasibility verdict");
        dimensions.putIfAbsent(Aggregation.SAFETY_FLAG, "Safety flag");
        return new ReportLabels(dimensions, verdicts);
    }

    public String dimension(String id) {
        return dimensions.getOrDefault(id, id);
    }

    public String verdict(String value) {
        return verdicts.getOrDefault(value, value);
    }

    /** Dimensions in the rubric's order; those no rubric names after them, by id. */
    public Comparator<String> dimensionOrder() {
        List<String> order = List.copyOf(dimensions.keySet());
        return Comparator.comparingInt((String id) -> order.contains(id) ? order.indexOf(id) : order.size())
                .thenComparing(Comparator.naturalOrder());
    }

    /** Text that names dimensions by id (an evaluator's flags), with each id the rubric titles put in its words. */
    public String inWords(String text) {
        String out = text;
        for (Map.Entry<String, String> dimension : dimensions.entrySet()) {
            out = out.replaceAll("\\b" + Pattern.quote(dimension.getKey()) + "\\b",
                    Matcher.quoteReplacement(dimension.getValue().toLowerCase(Locale.ROOT)));
        }
        return out;
    }
}
