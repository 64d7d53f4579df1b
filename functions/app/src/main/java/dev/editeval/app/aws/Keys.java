package dev.editeval.app.aws;

import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.model.WorkPartition;
import java.time.LocalDate;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The single table's keys; docs/data-model.md lists the access patterns they serve. */
final class Keys {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String GSI1 = "gsi1";
    static final String GSI1_PK = "gsi1pk";
    static final String GSI1_SK = "gsi1sk";
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
