package dev.editeval.domain.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.ports.ObjectStore;
import dev.editeval.domain.topology.Topology;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

/** Writes {@code batches/{id}/_report.json}, the task owner's answer to an upload. */
final class BatchReports {

    private final ObjectStore store;
    private final Clock clock;

    BatchReports(ObjectStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    static String key(String batchId) {
        return Topology.BATCHES_PREFIX + batchId + "/" + Topology.REPORT_NAME;
    }

    void write(String batchId, BatchStatus status, int taskCount, List<String> problems) {
        BatchReport report = new BatchReport(batchId, status.name(), taskCount, problems, clock.instant().toString());
        try {
            byte[] json = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(report);
            store.put(key(batchId), json, "application/json");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
