package dev.editeval.domain.ports;

import dev.editeval.domain.model.TaskRef;
import java.util.List;

/** Work for the preview stage: one message per task. */
public interface PreviewQueue {

    void send(List<TaskRef> tasks);
}
