package dev.editeval.domain.model;

/**
 * Where an open task sits in the open-work index: its partition (class and shard) and its position there, a key
 * that is random per task (so evaluators starting anywhere spread over the tasks) and unique (it ends with the ref).
 */
public record OpenWork(WorkPartition partition, String position) {
}
