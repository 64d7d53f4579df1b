package dev.editeval.domain.fakes;

import dev.editeval.domain.ports.QueueDepths;
import dev.editeval.domain.topology.QueueSpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Lambda-fed queues as the in-memory services leave them: handled at once, so empty, with no dead letters, unless
 * a test says otherwise.
 */
public final class InMemoryQueueDepths implements QueueDepths {

    private final Map<String, Depth> busy = new ConcurrentHashMap<>();

    /** As if the queue held this much work. */
    public void set(QueueSpec queue, Depth depth) {
        busy.put(queue.name(), depth);
    }

    @Override
    public Depth of(QueueSpec queue) {
        return busy.getOrDefault(queue.name(), new Depth(0, 0, 0));
    }
}
