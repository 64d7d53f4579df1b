package dev.editeval.domain.fakes;

import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.ports.PreviewQueue;
import java.util.ArrayList;
import java.util.List;

/** Preview messages as sent, in order; a test delivers them by handing them to the preview service. */
public final class InMemoryPreviewQueue implements PreviewQueue {

    private final List<TaskRef> sent = new ArrayList<>();

    @Override
    public synchronized void send(List<TaskRef> tasks) {
        sent.addAll(tasks);
    }

    /** Every message sent, one per task per send. */
    public synchronized List<TaskRef> sent() {
        return List.copyOf(sent);
    }
}
