package dev.editeval.domain.work;

import dev.editeval.domain.model.OpenWork;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.model.WorkClass;
import dev.editeval.domain.model.WorkPartition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Where open work sits: a task's class, shard and position in the open-work index, all derived from the task, so an
 * opening retried or redelivered writes the same place. The position is a hash of the ref: as good as random for
 * spreading evaluators over tasks, and the same every time.
 */
public final class WorkIndex {

    /**
     * Shards per class. One index partition takes about 1,000 writes a second; every lease and submit writes the
     * task's item once (a few KB), so one shard carries several hundred evaluators (docs/data-model.md). Raise it and
     * each request walks the shards from a random one; nothing else changes.
     */
    public static final int SHARDS = 1;

    private WorkIndex() {
    }

    /** The class a task opens in: its screening set's, hidden gold's, or regular work's ({@code TaskQuality}). */
    public static WorkClass classOf(TaskRecord task) {
        return task.quality().workClass();
    }

    public static OpenWork of(TaskRecord task) {
        return of(task.ref(), classOf(task));
    }

    public static OpenWork of(TaskRef ref, WorkClass workClass) {
        byte[] hash = sha256(ref.toString());
        int shard = Math.floorMod(hash[0], SHARDS);
        String position = HexFormat.of().formatHex(hash, 1, 9) + "#" + ref;
        return new OpenWork(new WorkPartition(workClass, shard), position);
    }

    /** The partitions of one class, starting at {@code first}, so concurrent requests spread over shards. */
    public static List<WorkPartition> partitions(WorkClass workClass, int first) {
        List<WorkPartition> partitions = new ArrayList<>();
        for (int i = 0; i < SHARDS; i++) {
            partitions.add(new WorkPartition(workClass, Math.floorMod(first + i, SHARDS)));
        }
        return partitions;
    }

    /**
     * The order a lease shows the task's outputs in, shuffled by the lease's own nonce: random per lease, and the same
     * at submit without storing it anywhere.
     */
    public static List<String> outputOrder(TaskRecord task, String nonce) {
        List<String> order = new ArrayList<>(task.outputs().stream().map(o -> o.blindKey()).toList());
        byte[] hash = sha256(nonce);
        long seed = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            seed = seed << 8 | (hash[i] & 0xff);
        }
        Collections.shuffle(order, new Random(seed));
        return order;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
