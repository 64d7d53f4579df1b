package dev.editeval.domain.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A task's rating slots as its item holds them: slots {@code 0..count-1}, each free, held by a lease or rated.
 *
 * @param states  the slots that are not free, by number
 * @param takenBy every evaluator who holds a slot of the task or rated it: a task is never leased to them again
 * @param ratedBy the evaluators whose rating closed a slot; its size is the task's rating count, and adding to a set
 *                twice adds once, so a retried close never counts twice
 * @param open    the task's place in the open-work index while it has a slot not rated; empty once every slot is
 */
public record TaskSlots(int count, Map<Integer, SlotState> states, Set<String> takenBy, Set<String> ratedBy,
                        Optional<OpenWork> open) {

    public TaskSlots {
        states = Map.copyOf(states);
        takenBy = Set.copyOf(takenBy);
        ratedBy = Set.copyOf(ratedBy);
    }

    /** A task not yet READY: no slots. */
    public static TaskSlots none() {
        return new TaskSlots(0, Map.of(), Set.of(), Set.of(), Optional.empty());
    }

    /** Slots a new lease could take at {@code now}: free ones, or held by a lease that ran out. */
    public List<Integer> takeable(Instant now) {
        List<Integer> numbers = new ArrayList<>();
        for (int slot = 0; slot < count; slot++) {
            SlotState state = states.get(slot);
            if (state == null || state instanceof SlotState.Held held && held.takeableAt(now)) {
                numbers.add(slot);
            }
        }
        return numbers;
    }

    public Optional<SlotState.Held> held(int slot, String nonce, String evaluatorId) {
        return states.get(slot) instanceof SlotState.Held held && held.nonce().equals(nonce)
                && held.evaluatorId().equals(evaluatorId) ? Optional.of(held) : Optional.empty();
    }
}
