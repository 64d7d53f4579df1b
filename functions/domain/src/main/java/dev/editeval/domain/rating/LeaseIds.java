package dev.editeval.domain.rating;

import dev.editeval.domain.model.TaskRef;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lease id names its task, the task's slot and the evaluator's place it holds, and a random nonce: every write of
 * a lease goes straight to its items, with no index and no read first. Another evaluator's lease id finds nothing
 * under the caller's name, because every write is conditioned on the caller holding it.
 */
public final class LeaseIds {

    private static final Pattern FORM =
            Pattern.compile("^([A-Za-z0-9_-]{1,64})~([A-Za-z0-9_-]{1,64})~s([0-9]{1,3})p([0-9])([a-z0-9]{8,24})$");

    /**
     * What a lease id names.
     *
     * @param nonce the lease's random part: its slot and its place are held under this value
     */
    public record Parts(TaskRef task, int slot, int place, String nonce) {
    }

    private LeaseIds() {
    }

    public static String of(TaskRef task, int slot, int place, String nonce) {
        return task.batchId() + "~" + task.taskId() + "~s" + slot + "p" + place + nonce;
    }

    public static Optional<Parts> parse(String leaseId) {
        Matcher m = FORM.matcher(leaseId);
        return m.matches()
                ? Optional.of(new Parts(new TaskRef(m.group(1), m.group(2)), Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(4)), m.group(5)))
                : Optional.empty();
    }

    public static Optional<TaskRef> taskOf(String leaseId) {
        return parse(leaseId).map(Parts::task);
    }
}
