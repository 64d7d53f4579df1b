package dev.editeval.domain.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editeval.domain.fakes.DayRecordingRatings;
import dev.editeval.domain.fakes.InMemoryObjectStore;
import dev.editeval.domain.fakes.InMemoryPorts;
import dev.editeval.domain.ports.ObjectStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;

/** How an export is committed, read back the next night, and caught up after a missed night. */
class ExportCommitTest {

    private static final LocalDate DAY = ExportFixture.DAY;
    private static final LocalDate NEXT = DAY.plusDays(1);

    private final ExportFixture fixture = new ExportFixture();
    private final InMemoryPorts ports = fixture.ports;
    private final ExportService exports = ports.services().exportService();
    /** What the services' export reads beside the ratings: every run here writes the same files. */
    private final Supplier<ReviewInputs> review = ReviewInputs.of(ports.review(), ports.evaluators());

    private void nightAfter(LocalDate day) {
        ports.clock().set(day.plusDays(1).atTime(2, 15).toInstant(ZoneOffset.UTC));
    }

    @Test
    void export_whenARerunWithNewRatingsFailsBetweenFiles_leavesThePreviousCompleteExportInPlace() {
        fixture.rateDemo();
        exports.export(DAY);
        Map<String, byte[]> before = fixture.snapshot("exports/");
        ExportManifest committed = fixture.manifest(DAY);
        fixture.rateAnother("more");
        int files = committed.files().size(); // the run folder's files, then the manifest, then the day's partition
        for (int putsBeforeFailure = 0; putsBeforeFailure < files + 2; putsBeforeFailure++) {
            ExportService crashing = new ExportService(ports.batches(), ports.ratings(),
                    new FailingStore(ports.store(), putsBeforeFailure), ports.clock(), review, ports.review());

            assertThatThrownBy(() -> crashing.export(DAY)).hasMessageContaining("store failed");

            if (putsBeforeFailure <= files) {
                assertThat(exports.committed(DAY)).as("after %d puts", putsBeforeFailure).contains(committed);
                before.forEach((key, bytes) -> assertThat(ports.store().get(key)).as(key).contains(bytes));
            } else {
                assertThat(exports.committed(DAY).orElseThrow().ratings()).as("committed, not yet published")
                        .isEqualTo(5);
            }
        }

        ExportSummary redone = exports.export(DAY);

        assertThat(redone.ratings()).isEqualTo(5);
        assertThat(exports.committed(DAY).orElseThrow().folder()).isEqualTo(redone.folder());
        assertThat(ExportFixture.rows(ports.store().get("exports/dt=2026-11-28/ratings.jsonl.gz").orElseThrow()))
                .hasSize(5);
        assertThat(ports.store().list("exports/runs/")).as("the older run is deleted once the new one is committed")
                .allMatch(key -> key.startsWith(redone.folder()));
    }

    @Test
    void export_whenTheCrashCameAfterTheManifest_theNextRunPublishesTheDaysRatings() {
        fixture.rateDemo();
        exports.export(DAY);
        fixture.rateAnother("more");
        ExportService crashing = new ExportService(ports.batches(), ports.ratings(),
                new FailingStore(ports.store(), fixture.manifest(DAY).files().size() + 1), ports.clock(), review,
                ports.review());
        assertThatThrownBy(() -> crashing.export(DAY)).hasMessageContaining("store failed");
        assertThat(exports.committed(DAY).orElseThrow().ratings()).isEqualTo(5);
        assertThat(ExportFixture.rows(ports.store().get("exports/dt=2026-11-28/ratings.jsonl.gz").orElseThrow()))
                .as("Athena still reads the earlier complete day").hasSize(4);

        exports.export(DAY);

        assertThat(ports.store().get("exports/dt=2026-11-28/ratings.jsonl.gz"))
                .contains(fixture.file(DAY, ExportFiles.RATINGS));
    }

    @Test
    void export_whenEarlierDaysWereExported_readsOnlyTheNewDayFromTheTable() {
        fixture.rateDemo();
        nightAfter(DAY);
        exports.export(DAY);
        ports.clock().set(Instant.parse("2026-11-29T10:00:00Z"));
        fixture.rateAnother("more");
        DayRecordingRatings recording = new DayRecordingRatings(ports.ratings());
        ports.store().put("exports/dt=2026-99-99/_manifest.json", "{}".getBytes(StandardCharsets.UTF_8),
                "application/json");
        nightAfter(NEXT);

        ExportSummary summary = new ExportService(ports.batches(), recording, ports.store(), ports.clock(), review,
                ports.review())
                .export(NEXT);

        assertThat(recording.days()).containsExactly(NEXT);
        assertThat(summary.written()).containsExactly(NEXT);
        assertThat(summary.dayRatings()).isEqualTo(1);
        assertThat(summary.ratings()).isEqualTo(5);
        assertThat(ExportFixture.rows(ports.store().get(ExportManifest.partition(NEXT) + ExportFiles.RATINGS)
                .orElseThrow())).singleElement()
                .satisfies(row -> assertThat(row.path("batchId").asText()).isEqualTo("more"));
        assertThat(ExportFixture.rows(fixture.file(NEXT, ExportFiles.RATINGS))).as("every rating up to the day")
                .hasSize(5);
    }

    @Test
    void export_whenNightsWereMissed_exportsEachMissedDayFirstWithItsOwnRatings() {
        fixture.rateDemo();
        ports.clock().set(Instant.parse("2026-11-29T10:00:00Z"));
        fixture.rateAnother("more");
        nightAfter(DAY.plusDays(2));

        ExportSummary summary = exports.export(DAY.plusDays(2));

        assertThat(summary.written()).containsExactly(DAY, NEXT, DAY.plusDays(2));
        assertThat(fixture.manifest(DAY).dayRatings()).isEqualTo(4);
        assertThat(fixture.manifest(DAY).ratings()).isEqualTo(4);
        assertThat(fixture.manifest(NEXT).dayRatings()).isEqualTo(1);
        assertThat(fixture.manifest(NEXT).ratings()).isEqualTo(5);
        assertThat(fixture.manifest(DAY.plusDays(2)).dayRatings()).isZero();
        assertThat(summary.ratings()).isEqualTo(5);
        assertThat(List.of(DAY, NEXT, DAY.plusDays(2))).allSatisfy(day -> {
            assertThat(fixture.manifest(day).closed()).isTrue();
            assertThat(ports.store().list(ExportManifest.partition(day))).as("what Athena reads of %s", day)
                    .containsExactlyInAnyOrder(ExportManifest.partition(day) + "ratings.jsonl.gz",
                            ExportManifest.key(day));
        });
    }

    @Test
    void export_whenTheNightBeforesRatingsNoLongerMatchItsManifest_buildsOnTheDayBeforeThatAndRedoesIt() {
        fixture.rateDemo();
        nightAfter(DAY);
        exports.export(DAY);
        nightAfter(NEXT);
        exports.export(NEXT);
        String damaged = fixture.manifest(NEXT).folder() + ExportFiles.RATINGS;
        byte[] original = ports.store().get(damaged).orElseThrow();
        ports.store().put(damaged, new byte[] {31, -117, 8, 0}, "application/gzip");
        nightAfter(DAY.plusDays(2));

        ExportSummary summary = exports.export(DAY.plusDays(2));

        assertThat(summary.written()).containsExactly(NEXT, DAY.plusDays(2));
        assertThat(ports.store().get(damaged)).contains(original);
        assertThat(summary.ratings()).isEqualTo(4);
    }

    @Test
    void export_whenTheDayWasExportedBeforeItEnded_isRedoneWithItsLateRatings() {
        fixture.rateDemo();
        exports.export(DAY);
        assertThat(fixture.manifest(DAY).closed()).isFalse();
        fixture.rateAnother("late");
        nightAfter(NEXT);

        ExportSummary summary = exports.export(NEXT);

        assertThat(summary.written()).containsExactly(DAY, NEXT);
        assertThat(fixture.manifest(DAY).closed()).isTrue();
        assertThat(fixture.manifest(DAY).dayRatings()).isEqualTo(5);
        assertThat(summary.ratings()).isEqualTo(5);
    }

    @Test
    void export_whenAnEarlierExportExists_reportsTheChangeInAgreement() throws IOException {
        fixture.rateDemo();
        nightAfter(DAY);
        exports.export(DAY);
        nightAfter(NEXT);

        exports.export(NEXT);

        String evaluators = new String(fixture.file(NEXT, ExportFiles.EVALUATORS), StandardCharsets.UTF_8);
        try (CSVParser parser = CSVParser.parse(evaluators,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(parser.getRecords()).extracting(r -> r.get("agreement_change")).containsOnly("0.0000");
        }
    }

    @Test
    void export_whenAnotherRunCommitsBeforeThisOneCleansUp_leavesTheOthersRunInPlace() {
        fixture.rateDemo();
        exports.export(DAY);
        fixture.rateAnother("more");
        boolean[] interleaved = {false};
        ObjectStore interleaving = new FailingStore(ports.store(), Integer.MAX_VALUE) {
            @Override
            public void put(String key, byte[] bytes, String contentType) {
                super.put(key, bytes, contentType);
                if (key.equals(ExportManifest.partition(DAY) + ExportFiles.RATINGS) && !interleaved[0]) {
                    interleaved[0] = true;
                    fixture.rateAnother("third");
                    exports.export(DAY);
                }
            }
        };

        new ExportService(ports.batches(), ports.ratings(), interleaving, ports.clock(), review, ports.review())
                .export(DAY);

        assertThat(interleaved[0]).isTrue();
        assertThat(exports.committed(DAY)).as("the later run's export, whole").isPresent()
                .hasValueSatisfying(m -> assertThat(m.ratings()).isEqualTo(6));
    }

    /** The in-memory store, failing on the n-th put under exports/: a crash between two files. */
    private static class FailingStore implements ObjectStore {
        private final InMemoryObjectStore store;
        private int putsLeft;

        FailingStore(InMemoryObjectStore store, int putsBeforeFailure) {
            this.store = store;
            this.putsLeft = putsBeforeFailure;
        }

        @Override
        public Optional<byte[]> get(String key) {
            return store.get(key);
        }

        @Override
        public Optional<String> version(String key) {
            return store.version(key);
        }

        @Override
        public void put(String key, byte[] bytes, String contentType) {
            if (key.startsWith("exports/") && putsLeft-- == 0) {
                throw new IllegalStateException("store failed writing " + key);
            }
            store.put(key, bytes, contentType);
        }

        @Override
        public Set<String> list(String prefix) {
            return store.list(prefix);
        }

        @Override
        public void delete(String key) {
            store.delete(key);
        }
    }
}
