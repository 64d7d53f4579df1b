package dev.editeval.domain.model;

/** One partition of the open-work index: a class of work, and a shard of it. */
public record WorkPartition(WorkClass workClass, int shard) {

    /** How the partition is named in cursors and in the index ({@code REGULAR#0}). */
    public String name() {
        return workClass.name() + "#" + shard;
    }
}
