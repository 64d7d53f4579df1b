package dev.editeval.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editeval.domain.export.ExportService;
import dev.editeval.domain.export.ExportSummary;
import dev.editeval.domain.fakes.DayRecordingRatings;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.model.BatchRecord;
import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.ports.RatingRepository;
import dev.editeval.domain.rubric.RubricCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The night run of bench/night (not part of the suite: its name matches no test pattern). Ratings on two days go
 * into the real table on the stand-ins; the export of the first day reads it from the day index, the export of the
 * second reads only the second day from the table and the first from its export. Run with {@code bench/night/run.sh}.
 */
class NightRun {

    private static final int PER_DAY = Integer.getInteger("night.ratings", 5_000);
    private static final int MODELS = 4;
    /** The default rubric's dimensions: the export checks every row against the rubric its batch names. */
    private static final List<String> DIMENSIONS = RubricCatalog.builtIn().find(RubricCatalog.DEFAULT_RUBRIC_ID)
            .orElseThrow().dimensionIds();
    private static final int RATERS = 3;
    private static final LocalDate FIRST = LocalDate.parse("2026-11-20");
    private static final LocalDate SECOND = FIRST.plusDays(1);

    @Test
    void twoNights_readOnlyTheirOwnDayFromTheTable() throws Exception {
        try (LocalPipeline pipeline = new LocalPipeline()) {
            pipeline.batches().save(new BatchRecord("night", BatchStatus.ACCEPTED, RubricCatalog.DEFAULT_RUBRIC_ID,
                    RATERS, PER_DAY * 2 / RATERS, "etag", FIRST.atStartOfDay().toInstant(ZoneOffset.UTC), List.of()));
            double firstWrite = write(pipeline, FIRST, 0);
            double secondWrite = write(pipeline, SECOND, PER_DAY / RATERS + 1);
            DayRecordingRatings counting = new DayRecordingRatings(pipeline.ratings());
            List<String> lines = new ArrayList<>();

            long start = System.nanoTime();
            int read = pipeline.ratings().listDay(FIRST).size();
            double query = seconds(start);
            lines.add(row("day index query, one day", read + " ratings", query));

            ExportSummary first = night(pipeline, counting, FIRST, lines, "night 1: export of day 1");
            ExportSummary second = night(pipeline, counting, SECOND, lines, "night 2: export of day 2");
            night(pipeline, counting, SECOND, lines, "rerun of night 2 (same bytes, nothing written)");

            String report = report(firstWrite, secondWrite, lines, counting);
            Files.writeString(Path.of("target", "night-run.md"), report, StandardCharsets.UTF_8);
            System.out.println(report);
            assertThat(read).isEqualTo(PER_DAY);
            assertThat(first.ratings()).isEqualTo(PER_DAY);
            assertThat(second.dayRatings()).isEqualTo(PER_DAY);
            assertThat(second.ratings()).isEqualTo(2 * PER_DAY);
            assertThat(counting.days()).containsExactly(FIRST, SECOND, SECOND);
        }
    }

    private static ExportSummary night(LocalPipeline pipeline, DayRecordingRatings counting, LocalDate day,
                                       List<String> lines, String label) {
        Clock night = Clock.fixed(day.plusDays(1).atTime(2, 15).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        ExportService exports = new ExportService(pipeline.batches(), counting, pipeline.store(), night);
        int before = counting.items();
        long start = System.nanoTime();
        ExportSummary summary = exports.export(day);
        lines.add(row(label, (counting.items() - before) + " ratings read from the table, " + summary.ratings()
                + " aggregated", seconds(start)));
        return summary;
    }

    /** Writes a day's ratings with the API's conditional put, 16 at a time; ratings a second. */
    private static double write(LocalPipeline pipeline, LocalDate day, int firstTask) throws Exception {
        RatingRepository ratings = pipeline.ratings();
        SplittableRandom random = new SplittableRandom(day.toEpochDay());
        List<RatingRecord> records = new ArrayList<>();
        for (int i = 0; i < PER_DAY; i++) {
            records.add(rating(random, firstTask + i / RATERS, i % RATERS,
                    day.atTime(8, 0).toInstant(ZoneOffset.UTC).plusMillis(i * 1_000L)));
        }
        long start = System.nanoTime();
        try (ExecutorService writers = Executors.newFixedThreadPool(16)) {
            List<Future<Boolean>> puts = new ArrayList<>();
            for (RatingRecord record : records) {
                puts.add(writers.submit(() -> ratings.putIfAbsent(record)));
            }
            for (Future<Boolean> put : puts) {
                assertThat(put.get()).isTrue();
            }
        }
        return PER_DAY / seconds(start);
    }

    private static RatingRecord rating(SplittableRandom random, int task, int rater, Instant submittedAt) {
        ObjectNode submission = Json.MAPPER.createObjectNode();
        submission.put("submissionId", "s-" + task + "-" + rater);
        submission.putObject("feasibility").put("verdict", "valid").put("reason", "");
        ArrayNode outputs = submission.putArray("outputs");
        Map<String, String> models = new LinkedHashMap<>();
        for (int m = 0; m < MODELS; m++) {
            String letter = String.valueOf((char) ('A' + m));
            models.put(letter, "model-" + m);
            ObjectNode output = outputs.addObject().put("outputId", letter);
            output.putObject("safety").put("flagged", false).putArray("categories");
            ObjectNode scores = output.putObject("scores");
            for (String dimension : DIMENSIONS) {
                scores.put(dimension, Math.clamp(2 + m / 2 + random.nextInt(-1, 2), 1, 5));
            }
        }
        submission.putObject("preference").put("overall", "D");
        submission.put("comment", "");
        submission.put("timeOnTaskMs", 20_000 + random.nextInt(60_000));
        submission.putObject("interactions").put("flickers", random.nextInt(5));
        return new RatingRecord(new TaskRef("night", String.format("t%06d", task)), "rater-" + rater + "-" + task % 50,
                "s-" + task + "-" + rater, submittedAt, submission.toString(), models);
    }

    private static String report(double firstWrite, double secondWrite, List<String> lines,
                                 DayRecordingRatings counting) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Night run: %d ratings a day (%d scores), two days, on the stand-ins"
                + " (dynalite 4.0.0, S3Proxy 4.1.0), %d cores, %s%n%n", PER_DAY, PER_DAY * MODELS * DIMENSIONS.size(),
                Runtime.getRuntime().availableProcessors(), Runtime.version()));
        out.append(String.format(Locale.ROOT, "Writes (conditional put, 16 at a time): %.0f / s day 1, %.0f / s"
                + " day 2%n%n", firstWrite, secondWrite));
        out.append("| step | what | seconds |\n| --- | --- | --- |\n");
        lines.forEach(line -> out.append(line).append('\n'));
        out.append("\nDays asked of the table, in order: ").append(counting.days()).append('\n');
        return out.toString();
    }

    private static String row(String step, String what, double seconds) {
        return String.format(Locale.ROOT, "| %s | %s | %.2f |", step, what, seconds);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
