package dev.editeval.domain.rating;

import dev.editeval.domain.model.Lease;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.model.TaskStatus;
import dev.editeval.domain.ports.LeaseRepository;
import dev.editeval.domain.ports.RatingQueue;
import dev.editeval.domain.ports.RatingRepository;
import dev.editeval.domain.ports.TaskRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Leases rating slots to evaluators. The queue's visibility timeout is the lease; the lease record, keyed by
 * (task, evaluator), ties it to one evaluator, and a rating already stored keeps an evaluator off a task for good.
 */
public final class LeaseService {

    /** Slots looked at per receive, the most SQS gives. */
    private static final int RECEIVE_AT_ONCE = 10;
    /** Receives per request at most: a caller who rated the slots at the head of the queue finds one behind them. */
    private static final int RECEIVE_ROUNDS = 5;
    private static final String NONCE_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int NONCE_LENGTH = 12;

    private final RatingQueue queue;
    private final TaskRepository tasks;
    private final LeaseRepository leases;
    private final RatingRepository ratings;
    private final Duration leaseLength;
    private final RandomGenerator random;
    private final Clock clock;

    public LeaseService(RatingQueue queue, TaskRepository tasks, LeaseRepository leases, RatingRepository ratings,
                        Duration leaseLength, RandomGenerator random, Clock clock) {
        this.queue = queue;
        this.tasks = tasks;
        this.leases = leases;
        this.ratings = ratings;
        this.leaseLength = leaseLength;
        this.random = random;
        this.clock = clock;
    }

    public LeaseOutcome leaseNext(String evaluatorId) {
        // slots passed over stay hidden until the search ends, or the next receive would return them again
        List<RatingQueue.Slot> passedOver = new ArrayList<>();
        Optional<LeaseOutcome.Leased> chosen = Optional.empty();
        boolean queueHasMore = true;
        for (int round = 0; round < RECEIVE_ROUNDS && chosen.isEmpty() && queueHasMore; round++) {
            List<RatingQueue.Slot> slots = queue.receive(RECEIVE_AT_ONCE, leaseLength);
            queueHasMore = !slots.isEmpty();
            for (RatingQueue.Slot slot : slots) {
                if (chosen.isPresent()) {
                    passedOver.add(slot);
                    continue;
                }
                chosen = tryLease(evaluatorId, slot, passedOver);
            }
        }
        passedOver.forEach(slot -> queue.giveBack(slot.receiptHandle()));
        return chosen.<LeaseOutcome>map(l -> l).orElseGet(LeaseOutcome.NoneWaiting::new);
    }

    private Optional<LeaseOutcome.Leased> tryLease(String evaluatorId, RatingQueue.Slot slot,
                                                   List<RatingQueue.Slot> passedOver) {
        Optional<TaskRecord> task = tasks.find(slot.task());
        if (task.isEmpty() || task.get().status() != TaskStatus.READY || !task.get().needsMoreRatings()) {
            // a slot for a task that is gone, failed or fully rated is surplus: drop it
            queue.delete(slot.receiptHandle());
            return Optional.empty();
        }
        if (ratings.find(slot.task(), evaluatorId).isPresent()) {
            passedOver.add(slot);
            return Optional.empty();
        }
        Instant now = clock.instant();
        Lease lease = new Lease(LeaseIds.of(slot.task(), nonce()), slot.task(), evaluatorId, slot.receiptHandle(),
                now, now.plus(leaseLength), shuffledOutputs(task.get()));
        if (!leases.create(lease, now)) {
            passedOver.add(slot);
            return Optional.empty();
        }
        return Optional.of(new LeaseOutcome.Leased(lease, task.get()));
    }

    public LeaseLookup find(String evaluatorId, String leaseId) {
        Optional<Lease> lease = LeaseIds.taskOf(leaseId).flatMap(ref -> leases.find(ref, evaluatorId))
                .filter(l -> l.leaseId().equals(leaseId));
        if (lease.isEmpty()) {
            return new LeaseLookup.NotFound();
        }
        if (lease.get().expiredAt(clock.instant())) {
            return new LeaseLookup.Expired();
        }
        return tasks.find(lease.get().task()).<LeaseLookup>map(t -> new LeaseLookup.Found(lease.get(), t))
                .orElseGet(LeaseLookup.NotFound::new);
    }

    /**
     * Gives the task back to the queue now; true when the caller held that lease. An expired lease counts as given
     * back already: its slot returned to the queue when it ran out.
     */
    public boolean release(String evaluatorId, String leaseId) {
        return switch (find(evaluatorId, leaseId)) {
            case LeaseLookup.Found found -> {
                queue.giveBack(found.lease().receiptHandle());
                leases.delete(found.lease().task(), evaluatorId);
                yield true;
            }
            case LeaseLookup.Expired ignored -> {
                LeaseIds.taskOf(leaseId).ifPresent(task -> leases.delete(task, evaluatorId));
                yield true;
            }
            case LeaseLookup.NotFound ignored -> false;
        };
    }

    private List<String> shuffledOutputs(TaskRecord task) {
        List<String> order = new ArrayList<>(task.outputs().stream().map(o -> o.blindKey()).toList());
        Collections.shuffle(order, random);
        return order;
    }

    private String nonce() {
        StringBuilder nonce = new StringBuilder(NONCE_LENGTH);
        for (int i = 0; i < NONCE_LENGTH; i++) {
            nonce.append(NONCE_ALPHABET.charAt(random.nextInt(NONCE_ALPHABET.length())));
        }
        return nonce.toString();
    }
}
