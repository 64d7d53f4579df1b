package dev.editeval.app.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.model.TaskRef;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The body of a message that names a task: {@code {"batchId": "...", "taskId": "..."}}. */
public final class TaskMessages {

    private TaskMessages() {
    }

    public static String body(TaskRef task) {
        return Json.MAPPER.createObjectNode().put("batchId", task.batchId()).put("taskId", task.taskId()).toString();
    }

    public static TaskRef parse(String body) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            String batchId = node.path("batchId").asText("");
            String taskId = node.path("taskId").asText("");
            if (batchId.isEmpty() || taskId.isEmpty()) {
                throw new IllegalArgumentException("task message lacks batchId or taskId: " + body);
            }
            return new TaskRef(batchId, taskId);
        } catch (IOException e) {
            throw new UncheckedIOException("task message is not JSON: " + body, e);
        }
    }
}
