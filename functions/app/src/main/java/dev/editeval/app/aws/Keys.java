package dev.editeval.app.aws;

import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.model.WorkPartition;
import dev.editeval.domain.topology.Topology;
import java.time.LocalDate;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The single table's keys; docs/data-model.md lists the access patterns they serve. */
final class Keys {

    static final String PK = Topology.TABLE.partitionKey();
    static final String SK = Topology.TABLE.sortKey();
    static final String GSI1 = Topology.GSI1.name();
    static final String GSI1_PK = Topology.GSI1.partitionKey();
    static final String GSI1_SK = Topology.GSI1.sortKey();
    static final String BATCHES = "BATCHES";
    static final String OPEN = "OPEN#";

    private Keys() {
    }

    static String batch(String batchId) {
        return "BATCH#" + batchId;
    }

    static String task(TaskRef task) {
        return "TASK#" + task.batchId() + "/" + task.taskId();
    }

    /** The index partition of the ratings submitted on a day (UTC). */
    static String ratedOn(LocalDate day) {
        return "RATED#" + day;
    }

    /** The open-work index partition of a class and shard ({@code OPEN#REGULAR#0}). */
    static String open(WorkPartition partition) {
        return OPEN + partition.name();
    }

    static Map<String, AttributeValue> of(String pk, String sk) {
        return Map.of(PK, Attr.s(pk), SK, Attr.s(sk));
    }
}
