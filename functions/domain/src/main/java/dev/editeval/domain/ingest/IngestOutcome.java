package dev.editeval.domain.ingest;

import java.util.List;

/** What ingest did with one manifest event. */
public sealed interface IngestOutcome {

    String batchId();

    /** The batch is recorded and every task is queued for previews. */
    record Accepted(String batchId, int taskCount) implements IngestOutcome {
    }

    /** The manifest is not valid; no task was created. Each problem names the item and the reason. */
    record Rejected(String batchId, List<String> problems) implements IngestOutcome {
    }

    /** Nothing to do: a duplicate delivery, an accepted batch uploaded again, or not a manifest key. */
    record Ignored(String batchId, String why) implements IngestOutcome {
    }
}
