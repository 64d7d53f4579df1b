package dev.editeval.domain.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.model.FailedTask;
import dev.editeval.domain.ports.ObjectStore;
import dev.editeval.domain.topology.Topology;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

/** Writes {@code batches/{id}/_report.json}, the task owner's answer to an upload. */
public final class BatchReports {

    private final ObjectStore store;
    private final Clock clock;

    public BatchReports(ObjectStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public static String key(String batchId) {
        return Topology.BATCHES_PREFIX + batchId + "/" + Topology.REPORT_NAME;
    }

    /** The manifest's verdict: rejected with every problem, or accepted with its tasks on their way to previews. */
    void checked(String batchId, BatchStatus status, int taskCount, List<String> problems) {
        write(new BatchReport(batchId, status.name(), taskCount, problems,
                status == BatchStatus.ACCEPTED ? BatchReport.PREVIEWS_PENDING : BatchReport.PREVIEWS_NONE, 0,
                List.of(), clock.instant().toString()));
    }

    /** Every task of an accepted batch has been through its previews: how many can be rated, and what failed. */
    public void previewed(String batchId, int taskCount, int ready, List<FailedTask> failed) {
        write(new BatchReport(batchId, BatchStatus.ACCEPTED.name(), taskCount, List.of(), BatchReport.PREVIEWS_DONE,
                ready, failed, clock.instant().toString()));
    }

    private void write(BatchReport report) {
        try {
            byte[] json = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(report);
            store.put(key(report.batchId()), json, "application/json");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
