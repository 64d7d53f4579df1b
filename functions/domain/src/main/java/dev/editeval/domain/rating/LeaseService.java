package dev.editeval.domain.rating;

import dev.editeval.domain.model.Lease;
import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.model.SlotState;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.model.TaskStatus;
import dev.editeval.domain.model.WorkClass;
import dev.editeval.domain.model.WorkPartition;
import dev.editeval.domain.ports.EvaluatorRepository;
import dev.editeval.domain.ports.EvaluatorRepository.Desk;
import dev.editeval.domain.ports.RatingRepository;
import dev.editeval.domain.ports.TaskRepository;
import dev.editeval.domain.work.WorkIndex;
import dev.editeval.domain.work.WorkPlan;
import dev.editeval.domain.work.WorkPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Leases rating slots to evaluators, from the table (docs/data-model.md). A lease takes one of the evaluator's
 * {@link #CAP} places on their desk (the write also reads their cursors), walks the open-work index from their cursor
 * and takes a free or expired slot of the first task they have not taken, with a conditional write: three round
 * trips when the first task tried has a free slot.
 *
 * <p>A slot may be taken over {@link #MARGIN} after its lease ends: a submit that found its lease live has that
 * long to close the slot before anybody else may take it, so a slot is never rated twice.
 */
public final class LeaseService {

    /** Live leases an evaluator may hold at once. */
    public static final int CAP = 2;
    /** How long a lease lasts; the page's heartbeat extends it. */
    public static final Duration LENGTH = Duration.ofMinutes(15);
    /** Between the end of a lease and the moment its slot may be taken over. */
    public static final Duration MARGIN = Duration.ofSeconds(30);

    /**
     * Index entries examined by a request's first query. Most leases take the first task offered, and every entry a
     * page holds is a whole task item that the table reads and sends and the function parses: the first page is
     * small, and a walk that goes on asks for {@link #PAGE} at a time.
     */
    public static final int FIRST_PAGE = 5;
    /** Index entries examined by each later query of a request. */
    public static final int PAGE = 25;
    /**
     * Queries per request at most. The query skips the tasks this evaluator has taken in the index itself, so what
     * it walks past are tasks with no takeable slot: {@code FIRST_PAGE + (PAGES - 1) * PAGE} of them.
     */
    static final int PAGES = 40;
    /**
     * Conditional takes (and heals of a slot whose rating was stored but not closed) per request at most: each refused
     * take means another request took that slot first.
     */
    static final int TAKES = 10;
    private static final String NONCE_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int NONCE_LENGTH = 12;

    private final TaskRepository tasks;
    private final RatingRepository ratings;
    private final EvaluatorRepository evaluators;
    private final WorkPolicy policy;
    private final RecentTasks recent;
    private final RandomGenerator random;
    private final Clock clock;

    public LeaseService(TaskRepository tasks, RatingRepository ratings, EvaluatorRepository evaluators,
                        WorkPolicy policy, RecentTasks recent, RandomGenerator random, Clock clock) {
        this.tasks = tasks;
        this.ratings = ratings;
        this.evaluators = evaluators;
        this.policy = policy;
        this.recent = recent;
        this.random = random;
        this.clock = clock;
    }

    public LeaseOutcome leaseNext(String evaluatorId) {
        Instant now = clock.instant();
        Instant end = now.plus(LENGTH);
        String nonce = nonce();
        for (int place = 0; place < CAP; place++) {
            Optional<Desk> desk = evaluators.takePlace(evaluatorId, place, nonce, end, now);
            if (desk.isPresent()) {
                Walk walk = new Walk(evaluatorId, place, nonce, desk.get(), now, end);
                LeaseOutcome outcome;
                try {
                    outcome = walk(walk);
                } catch (RuntimeException e) {
                    giveBack(walk);
                    throw e;
                }
                if (!(outcome instanceof LeaseOutcome.Leased)) {
                    evaluators.freePlace(evaluatorId, place, nonce, Optional.empty());
                }
                return outcome;
            }
        }
        return new LeaseOutcome.TooMany(CAP);
    }

    private LeaseOutcome walk(Walk walk) {
        return switch (policy.plan(walk.desk)) {
            case WorkPlan.Refused(String code, String reason) -> new LeaseOutcome.Refused(code, reason);
            case WorkPlan.Walk classes -> walk(walk, classes);
            case WorkPlan.Screen screen -> {
                LeaseOutcome screening = walk(walk, new WorkPlan.Walk(List.of(WorkClass.SCREENING)));
                if (screening instanceof LeaseOutcome.Leased || screen.qualifyIfNone().isEmpty() || walk.spent()) {
                    yield screening;
                }
                // no screening set to work: a lost race to store it only means another request stored it first
                evaluators.saveStanding(walk.evaluatorId, screen.qualifyIfNone().get());
                yield walk(walk, screen.otherwise());
            }
        };
    }

    private LeaseOutcome walk(Walk walk, WorkPlan.Walk plan) {
        walk.plan = plan;
        int firstShard = random.nextInt(WorkIndex.SHARDS);
        for (WorkClass workClass : plan.classes()) {
            for (WorkPartition partition : WorkIndex.partitions(workClass, firstShard)) {
                Optional<LeaseOutcome.Leased> leased = walkPartition(walk, partition);
                if (leased.isPresent()) {
                    return leased.get();
                }
                if (walk.spent()) {
                    return new LeaseOutcome.NoneWaiting();
                }
            }
        }
        return new LeaseOutcome.NoneWaiting();
    }

    /** From the evaluator's cursor to the end of the partition, then from its start up to the cursor. */
    private Optional<LeaseOutcome.Leased> walkPartition(Walk walk, WorkPartition partition) {
        String cursor = walk.desk.cursors().getOrDefault(partition.name(), randomPosition());
        Optional<LeaseOutcome.Leased> leased = walkRange(walk, partition, Optional.of(cursor), Optional.empty());
        return leased.isPresent() || walk.spent() ? leased
                : walkRange(walk, partition, Optional.empty(), Optional.of(cursor));
    }

    private Optional<LeaseOutcome.Leased> walkRange(Walk walk, WorkPartition partition, Optional<String> after,
                                                    Optional<String> upTo) {
        Optional<String> from = after;
        while (!walk.spent()) {
            int limit = walk.pages == 0 ? FIRST_PAGE : PAGE;
            walk.pages++;
            TaskRepository.OpenPage page = tasks.openWork(partition, from, upTo, walk.evaluatorId, limit);
            for (TaskRecord task : page.tasks()) {
                Optional<LeaseOutcome.Leased> leased = tryTask(walk, task);
                if (leased.isPresent() || walk.spent()) {
                    return leased;
                }
            }
            if (page.next().isEmpty()) {
                return Optional.empty();
            }
            from = page.next();
        }
        return Optional.empty();
    }

    /**
     * A request that failed part-way (a table call that failed, or lost its answer after it applied) may hold a place
     * and a slot the caller never hears of: both are given back now, best effort, rather than held until they expire.
     * A give-back that fails too leaves them to run out.
     */
    private void giveBack(Walk walk) {
        try {
            walk.tried.ifPresent(tried -> tasks.releaseHold(tried.getKey(), tried.getValue(), walk.nonce,
                    walk.evaluatorId));
            evaluators.freePlace(walk.evaluatorId, walk.place, walk.nonce, Optional.empty());
        } catch (RuntimeException e) {
            // what could not be given back runs out by itself
        }
    }

    /** One conditional take on the task, of a slot that looked takeable; a refused take moves on to the next task. */
    private Optional<LeaseOutcome.Leased> tryTask(Walk walk, TaskRecord task) {
        if (task.status() != TaskStatus.READY || task.slots().takenBy().contains(walk.evaluatorId)
                || !walk.plan.admits().allows(task.category().orElse(""))
                || task.quality().gold().isPresent() && !task.quality().isScreening()
                && !walk.plan.goldWelcome().test(task.quality().rules().goldRate())) {
            return Optional.empty();
        }
        List<Integer> takeable = new ArrayList<>(task.slots().takeable(walk.now));
        // concurrent requests reading the same page try different slots of the task
        Collections.shuffle(takeable, new java.util.Random(random.nextLong()));
        for (int slot : takeable) {
            Optional<SlotState.Held> replacing = Optional.empty();
            if (task.slots().states().get(slot) instanceof SlotState.Held expired) {
                walk.takes++;
                if (healed(task, slot, expired)) {
                    continue;
                }
                replacing = Optional.of(expired);
            }
            walk.takes++;
            walk.tried = Optional.of(Map.entry(task.ref(), slot));
            SlotState.Held hold = new SlotState.Held(walk.evaluatorId, walk.nonce, walk.place,
                    walk.end.plus(MARGIN));
            Optional<TaskRecord> taken = tasks.takeSlot(task.ref(), slot, hold, replacing, walk.now);
            if (taken.isEmpty()) {
                return Optional.empty();
            }
            recent.remember(taken.get());
            Lease lease = new Lease(LeaseIds.of(task.ref(), slot, walk.place, walk.nonce), task.ref(),
                    walk.evaluatorId, slot, walk.place, walk.end, WorkIndex.outputOrder(taken.get(), walk.nonce));
            return Optional.of(new LeaseOutcome.Leased(lease, taken.get()));
        }
        return Optional.empty();
    }

    /**
     * A lease that ran out may have stored its rating and stopped before closing the slot (a crash, a lost answer
     * never retried): then the slot is that rating's, and is closed for it instead of being taken over.
     */
    private boolean healed(TaskRecord task, int slot, SlotState.Held expired) {
        Optional<RatingRecord> stored = ratings.find(task.ref(), expired.evaluatorId());
        stored.ifPresent(rating -> tasks.closeSlot(task.ref(), slot, expired.nonce(), expired.evaluatorId(),
                rating.submissionId(), task.slots()));
        return stored.isPresent();
    }

    /** Keeps the caller's lease for another lease length from now: the slot's hold first, then the place. */
    public LeaseLookup extend(String evaluatorId, String leaseId) {
        Optional<LeaseIds.Parts> parts = LeaseIds.parse(leaseId);
        if (parts.isEmpty()) {
            return new LeaseLookup.NotFound();
        }
        LeaseIds.Parts p = parts.get();
        Instant now = clock.instant();
        Instant end = now.plus(LENGTH);
        Optional<TaskRecord> task = tasks.extendHold(p.task(), p.slot(), p.nonce(), evaluatorId, end.plus(MARGIN),
                now.plus(MARGIN));
        if (task.isEmpty()) {
            LeaseLookup found = find(evaluatorId, leaseId);
            return found instanceof LeaseLookup.Found ? new LeaseLookup.Expired() : found;
        }
        evaluators.movePlace(evaluatorId, p.place(), p.nonce(), end);
        recent.remember(task.get());
        return new LeaseLookup.Found(lease(p, leaseId, evaluatorId, end, task.get()), task.get());
    }

    public LeaseLookup find(String evaluatorId, String leaseId) {
        Optional<LeaseIds.Parts> parts = LeaseIds.parse(leaseId);
        Optional<TaskRecord> task = parts.flatMap(p -> tasks.find(p.task()));
        Optional<SlotState.Held> held = task.flatMap(t -> t.slots().held(parts.get().slot(), parts.get().nonce(),
                evaluatorId));
        if (held.isEmpty()) {
            return parts.isPresent() && ranOut(evaluators, evaluatorId, parts.get()) ? new LeaseLookup.Expired()
                    : new LeaseLookup.NotFound();
        }
        Instant end = held.get().takeableAt().minus(MARGIN);
        if (!clock.instant().isBefore(end)) {
            return new LeaseLookup.Expired();
        }
        recent.remember(task.get());
        return new LeaseLookup.Found(lease(parts.get(), leaseId, evaluatorId, end, task.get()), task.get());
    }

    /**
     * A lease whose slot no longer names it ran out and was taken over, if the caller's place still names it; one
     * that was never the caller's, or was released, is not found.
     */
    static boolean ranOut(EvaluatorRepository evaluators, String evaluatorId, LeaseIds.Parts lease) {
        EvaluatorRepository.Place place = evaluators.desk(evaluatorId).places().get(lease.place());
        return place != null && place.nonce().equals(lease.nonce());
    }

    private static Lease lease(LeaseIds.Parts p, String leaseId, String evaluatorId, Instant end, TaskRecord task) {
        return new Lease(leaseId, p.task(), evaluatorId, p.slot(), p.place(), end,
                WorkIndex.outputOrder(task, p.nonce()));
    }

    /**
     * Gives the task back now and moves the caller's cursor past it (a skip); true when the caller held that lease.
     * An expired lease counts as given back already. The task's place in the index comes from the recent tasks, or
     * from one read when this instance never saw it (another function instance leased it): without it the cursor
     * stays and the skipped task is offered straight back.
     */
    public boolean release(String evaluatorId, String leaseId) {
        Optional<LeaseIds.Parts> parts = LeaseIds.parse(leaseId);
        if (parts.isEmpty()) {
            return false;
        }
        LeaseIds.Parts p = parts.get();
        boolean held = tasks.releaseHold(p.task(), p.slot(), p.nonce(), evaluatorId);
        Optional<Map.Entry<String, String>> cursor = recent.find(p.task()).or(() -> tasks.find(p.task()))
                .flatMap(t -> t.slots().open())
                .map(open -> Map.entry(open.partition().name(), open.position()));
        return evaluators.freePlace(evaluatorId, p.place(), p.nonce(), cursor) || held;
    }

    /**
     * Releases every live lease the evaluator holds (an admin's "release stuck leases"); how many were live. A place
     * does not name its task (it is taken before the task is chosen), so the holds are found in the open-work index
     * by who took them: a walk of the index, for an admin's button, never for an evaluator's request.
     */
    public int releaseAll(String evaluatorId) {
        Instant now = clock.instant();
        Desk desk = evaluators.desk(evaluatorId);
        Map<String, Integer> livePlaces = new HashMap<>();
        desk.places().forEach((number, place) -> {
            if (place.expiresAt().isAfter(now)) {
                livePlaces.put(place.nonce(), number);
            }
        });
        for (WorkClass workClass : WorkClass.values()) {
            for (WorkPartition partition : WorkIndex.partitions(workClass, 0)) {
                for (TaskRecord task : tasks.takenBy(partition, evaluatorId)) {
                    task.slots().states().forEach((slot, state) -> {
                        if (state instanceof SlotState.Held held && held.evaluatorId().equals(evaluatorId)) {
                            tasks.releaseHold(task.ref(), slot, held.nonce(), evaluatorId);
                        }
                    });
                }
            }
        }
        int released = 0;
        for (Map.Entry<Integer, EvaluatorRepository.Place> place : desk.places().entrySet()) {
            if (evaluators.freePlace(evaluatorId, place.getKey(), place.getValue().nonce(), Optional.empty())
                    && livePlaces.containsKey(place.getValue().nonce())) {
                released++;
            }
        }
        return released;
    }

    private String nonce() {
        StringBuilder text = new StringBuilder(NONCE_LENGTH);
        for (int i = 0; i < NONCE_LENGTH; i++) {
            text.append(NONCE_ALPHABET.charAt(random.nextInt(NONCE_ALPHABET.length())));
        }
        return text.toString();
    }

    /** Where an evaluator with no cursor in a partition starts: anywhere, so newcomers spread over the tasks. */
    private String randomPosition() {
        return HexFormat.of().toHexDigits(random.nextLong());
    }

    /** One lease request's walk: what it holds and what it has spent of its bounds. */
    private static final class Walk {
        private final String evaluatorId;
        private final int place;
        private final String nonce;
        private final Desk desk;
        private final Instant now;
        private final Instant end;
        private int pages;
        private int takes;
        /** The plan being walked: which tasks it admits. */
        private WorkPlan.Walk plan = new WorkPlan.Walk(List.of(WorkClass.REGULAR));
        /** The slot last written to, which a failure may have left held. */
        private Optional<Map.Entry<TaskRef, Integer>> tried = Optional.empty();

        private Walk(String evaluatorId, int place, String nonce, Desk desk, Instant now, Instant end) {
            this.evaluatorId = evaluatorId;
            this.place = place;
            this.nonce = nonce;
            this.desk = desk;
            this.now = now;
            this.end = end;
        }

        private boolean spent() {
            return pages >= PAGES || takes >= TAKES;
        }
    }
}
