package dev.editeval.domain.ports;

import dev.editeval.domain.topology.QueueSpec;

/** How many messages wait in a queue, how many are received and hidden, and how many went to its dead letters. */
public interface QueueDepths {

    /** Approximate, as SQS counts them. */
    record Depth(long waiting, long inFlight, long deadLetters) {
    }

    Depth of(QueueSpec queue);
}
