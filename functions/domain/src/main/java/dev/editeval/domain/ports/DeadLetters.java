package dev.editeval.domain.ports;

import dev.editeval.domain.model.TaskRef;
import java.util.List;

/** Messages the pipeline's queues gave up on, read so that each is explained and, where it can be, settled. */
public interface DeadLetters {

    /** One dead letter; {@code receives} is how often its queue handed it out before giving up. */
    sealed interface Letter {

        String queue();

        int receives();
    }

    /** A task whose previews never finished. */
    record Preview(String queue, int receives, TaskRef task, String handle) implements Letter {
    }

    /** An upload whose manifest was never ingested. */
    record Ingest(String queue, int receives, List<String> manifestKeys, String handle) implements Letter {

        public Ingest {
            manifestKeys = List.copyOf(manifestKeys);
        }
    }

    /** A message that is none of ours, or damaged: left where it is for a person. */
    record Unreadable(String queue, int receives, String body, String problem) implements Letter {
    }

    /** Up to {@code max} dead letters of every queue, hidden from other readers for a while. */
    List<Letter> waiting(int max);

    /** Deletes a settled letter. */
    void remove(Letter letter);
}
