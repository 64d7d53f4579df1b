package dev.editeval.domain.topology;

import java.util.List;

/** A DynamoDB table with string keys, billed on demand. */
public record TableSpec(String name, String partitionKey, String sortKey, List<IndexSpec> indexes) {

    public TableSpec {
        indexes = List.copyOf(indexes);
    }
}
