package dev.editeval.domain.admin;

import java.util.List;

/**
 * The queues as a lead watches them during a day.
 *
 * @param slotsWaiting    ratings the READY tasks still need, less those leased now
 * @param liveLeases      leases held now, from the evaluators' lease places
 * @param expiredLastHour leases that ran out in the last hour and whose place no newer lease of the same evaluator
 *                        has taken (a place is reused by the evaluator's next lease, so this is a lower bound)
 */
public record QueueHealth(List<Queue> queues, int slotsWaiting, int liveLeases, int expiredLastHour) {

    public QueueHealth {
        queues = List.copyOf(queues);
    }

    /** One queue: messages waiting, received and hidden (being handled), dead letters. */
    public record Queue(String name, long waiting, long inFlight, long deadLetters) {
    }
}
