package dev.editeval.domain.fakes;

import dev.editeval.domain.ports.QueueDepths;
import dev.editeval.domain.topology.QueueSpec;
import dev.editeval.domain.topology.Topology;

/** The rating queue's slots as the in-memory queue holds them; the Lambda-fed queues empty, no dead letters. */
public final class InMemoryQueueDepths implements QueueDepths {

    private final InMemoryRatingQueue ratingQueue;

    public InMemoryQueueDepths(InMemoryRatingQueue ratingQueue) {
        this.ratingQueue = ratingQueue;
    }

    @Override
    public Depth of(QueueSpec queue) {
        if (queue.equals(Topology.RATING_QUEUE)) {
            return new Depth(ratingQueue.visible().size(), ratingQueue.inFlight().size(), 0);
        }
        return new Depth(0, 0, 0);
    }
}
