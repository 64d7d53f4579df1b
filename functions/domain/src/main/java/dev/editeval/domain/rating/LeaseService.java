package dev.editeval.domain.rating;

import dev.editeval.domain.model.Lease;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.model.TaskStatus;
import dev.editeval.domain.ports.EvaluatorRepository;
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
 * An evaluator holds at most {@link #CAP} live leases: each takes one of the evaluator's numbered places.
 *
 * <p>The lease record ends {@link #MARGIN} before the slot's visibility does, timed from before the receive: a
 * submit that found its lease live has that long to store the rating and delete the slot before anybody else can
 * receive it, so a slot is never leased to two evaluators at once.
 */
public final class LeaseService {

    /** Live leases an evaluator may hold at once. */
    public static final int CAP = 2;
    /** Between the end of a lease record and the end of its slot's visibility. */
    public static final Duration MARGIN = Duration.ofSeconds(30);

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
    private final EvaluatorRepository evaluators;
    private final Duration leaseLength;
    private final RandomGenerator random;
    private final Clock clock;

    public LeaseService(RatingQueue queue, TaskRepository tasks, LeaseRepository leases, RatingRepository ratings,
                        EvaluatorRepository evaluators, Duration leaseLength, RandomGenerator random, Clock clock) {
        this.queue = queue;
        this.tasks = tasks;
        this.leases = leases;
        this.ratings = ratings;
        this.evaluators = evaluators;
        this.leaseLength = leaseLength;
        this.random = random;
        this.clock = clock;
    }

    public LeaseOutcome leaseNext(String evaluatorId) {
        if (liveLeases(evaluatorId) >= CAP) {
            return new LeaseOutcome.TooMany(CAP);
        }
        // slots passed over stay hidden until the search ends, or the next receive would return them again
        List<RatingQueue.Slot> passedOver = new ArrayList<>();
        Optional<LeaseOutcome> chosen = Optional.empty();
        boolean queueHasMore = true;
        for (int round = 0; round < RECEIVE_ROUNDS && chosen.isEmpty() && queueHasMore; round++) {
            Instant received = clock.instant();
            List<RatingQueue.Slot> slots = queue.receive(RECEIVE_AT_ONCE, leaseLength);
            queueHasMore = !slots.isEmpty();
            for (RatingQueue.Slot slot : slots) {
                if (chosen.isPresent()) {
                    passedOver.add(slot);
                    continue;
                }
                chosen = tryLease(evaluatorId, slot, received, passedOver);
            }
        }
        passedOver.forEach(slot -> queue.giveBack(slot.receiptHandle()));
        return chosen.orElseGet(LeaseOutcome.NoneWaiting::new);
    }

    private long liveLeases(String evaluatorId) {
        Instant now = clock.instant();
        return evaluators.places(evaluatorId).stream().filter(p -> p.expiresAt().isAfter(now)).count();
    }

    private Optional<LeaseOutcome> tryLease(String evaluatorId, RatingQueue.Slot slot, Instant received,
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
                now, endOf(received), shuffledOutputs(task.get()));
        if (!evaluators.takePlace(evaluatorId, CAP, lease.leaseId(), lease.expiresAt(), now)) {
            // another request of the same evaluator took the last place since the check
            passedOver.add(slot);
            return Optional.of(new LeaseOutcome.TooMany(CAP));
        }
        if (!leases.create(lease, now)) {
            evaluators.freePlace(evaluatorId, lease.leaseId());
            passedOver.add(slot);
            return Optional.empty();
        }
        return Optional.of(new LeaseOutcome.Leased(lease, task.get()));
    }

    private Instant endOf(Instant visibleFrom) {
        return visibleFrom.plus(leaseLength).minus(MARGIN);
    }

    /**
     * Keeps the caller's lease for another lease length from now: the slot's visibility first, then the record, so
     * the record never outlives the visibility.
     */
    public LeaseLookup extend(String evaluatorId, String leaseId) {
        LeaseLookup found = find(evaluatorId, leaseId);
        if (!(found instanceof LeaseLookup.Found(Lease lease, TaskRecord task))) {
            return found;
        }
        Instant now = clock.instant();
        Instant end = endOf(now);
        if (!queue.extend(lease.receiptHandle(), leaseLength)
                || !leases.extend(lease.task(), evaluatorId, leaseId, end, clock.instant())) {
            return new LeaseLookup.Expired();
        }
        evaluators.movePlace(evaluatorId, leaseId, end);
        return new LeaseLookup.Found(new Lease(lease.leaseId(), lease.task(), evaluatorId, lease.receiptHandle(),
                lease.createdAt(), end, lease.outputOrder()), task);
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
                // the record goes first: once the slot is visible, someone else may lease the task
                leases.delete(found.lease().task(), evaluatorId);
                evaluators.freePlace(evaluatorId, leaseId);
                queue.giveBack(found.lease().receiptHandle());
                yield true;
            }
            case LeaseLookup.Expired ignored -> {
                LeaseIds.taskOf(leaseId).ifPresent(task -> leases.delete(task, evaluatorId));
                evaluators.freePlace(evaluatorId, leaseId);
                yield true;
            }
            case LeaseLookup.NotFound ignored -> false;
        };
    }

    /** Releases every live lease the evaluator holds (an admin's "release stuck leases"); how many were live. */
    public int releaseAll(String evaluatorId) {
        Instant now = clock.instant();
        int released = 0;
        for (EvaluatorRepository.Place place : evaluators.places(evaluatorId)) {
            boolean live = place.expiresAt().isAfter(now);
            if (release(evaluatorId, place.leaseId()) && live) {
                released++;
            }
        }
        return released;
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
