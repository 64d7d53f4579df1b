package dev.editeval.domain.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.domain.export.CsvFiles;
import dev.editeval.domain.export.HtmlReport;
import dev.editeval.domain.export.ReportLabels;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 6: the bootstraps' state is tallied per shard of tasks and merged, so the bytes of an export must
 * not depend on where the shards are cut or on how many threads tally them.
 */
class ShardBoundaryTest {

    @Test
    void report_whenTasksAreCutIntoShardsDifferentlyOrOnOtherThreads_hasTheSameBytes() throws Exception {
        List<RatingRow> rows = rows();
        byte[] whole = bytes(rows, TaskShards.SHARD_TASKS, 1);

        for (int shardTasks : new int[] {1, 7, 50}) {
            for (int threads : new int[] {1, 3}) {
                assertThat(bytes(rows, shardTasks, threads)).as("%d tasks a shard on %d threads", shardTasks,
                        threads).isEqualTo(whole);
            }
        }
        String html = new String(whole, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("Preference").contains("m3");
    }

    /** The export's summary, evaluator table and report, in one array. */
    private static byte[] bytes(List<RatingRow> rows, int shardTasks, int threads) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            AggregateReport report = pool.submit(() -> Aggregation.of(rows, Map.of(), Aggregation.scales(rows),
                    shardTasks)).get();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(CsvFiles.summary(report.cells()));
            out.write(CsvFiles.evaluators(report.evaluators()));
            out.write(HtmlReport.of("shards", report, ReportLabels.NONE));
            return out.toByteArray();
        } finally {
            pool.shutdown();
        }
    }

    /** Two batches of 60 tasks: three models scored and preferred (with ties) by raters from a pool of 12. */
    private static List<RatingRow> rows() {
        SplittableRandom random = new SplittableRandom(6);
        List<RatingRow> rows = new ArrayList<>();
        for (String batch : new String[] {"b1", "b2"}) {
            for (int t = 0; t < 60; t++) {
                for (int rater : Simulated.distinct(random, 12, 3)) {
                    List<OutputRow> outputs = new ArrayList<>();
                    for (int m = 0; m < 3; m++) {
                        outputs.add(new OutputRow(String.valueOf((char) ('A' + m)), "m" + (m + 1), false,
                                Map.of("q", 1 + random.nextInt(5))));
                    }
                    int choice = random.nextInt(4);
                    String preferred = choice == 3 ? "tie" : String.valueOf((char) ('A' + choice));
                    RatingRow row = Simulated.row("t" + t, "r" + rater, outputs, preferred);
                    rows.add(new RatingRow(batch, row.taskId(), t % 2 == 0 ? "even" : "", row.evaluator(),
                            row.verdict(), 1_000L * (1 + random.nextInt(60)), outputs, preferred, row.goldFeasibility(),
                            row.goldScores(), row.submittedOn(), row.rubricId(), false));
                }
            }
        }
        return rows;
    }
}
