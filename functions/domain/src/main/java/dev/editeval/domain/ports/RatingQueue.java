package dev.editeval.domain.ports;

import dev.editeval.domain.model.TaskRef;
import java.time.Duration;
import java.util.List;

/** Rating slots: one message per rating a task still needs. Receiving one hides it for the lease. */
public interface RatingQueue {

    /** A received slot and the handle that deletes it or gives it back. */
    record Slot(TaskRef task, String receiptHandle) {
    }

    void send(TaskRef task, int slots);

    List<Slot> receive(int max, Duration lease);

    /** Makes the slot visible again now. */
    void giveBack(String receiptHandle);

    /** Hides the slot for {@code lease} from now; false when this handle no longer holds it. */
    boolean extend(String receiptHandle, Duration lease);

    void delete(String receiptHandle);
}
