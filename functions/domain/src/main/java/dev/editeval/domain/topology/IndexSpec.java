package dev.editeval.domain.topology;

/** A global secondary index: string partition and sort keys, all attributes projected. */
public record IndexSpec(String name, String partitionKey, String sortKey) {
}
