package dev.editeval.domain.rating;

import dev.editeval.domain.model.TaskRef;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lease id names its task, so a lease is found by (task, caller) with no index: another evaluator's lease id
 * finds nothing under the caller's name.
 */
public final class LeaseIds {

    private static final Pattern FORM =
            Pattern.compile("^([A-Za-z0-9_-]{1,64})~([A-Za-z0-9_-]{1,64})~([a-z0-9]{6,32})$");

    private LeaseIds() {
    }

    public static String of(TaskRef task, String nonce) {
        return task.batchId() + "~" + task.taskId() + "~" + nonce;
    }

    public static Optional<TaskRef> taskOf(String leaseId) {
        Matcher m = FORM.matcher(leaseId);
        return m.matches() ? Optional.of(new TaskRef(m.group(1), m.group(2))) : Optional.empty();
    }
}
