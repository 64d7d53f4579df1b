package dev.editeval.domain.services;

import dev.editeval.domain.ingest.IngestService;
import dev.editeval.domain.ports.BatchRepository;
import dev.editeval.domain.ports.DeadLetters;
import dev.editeval.domain.ports.EvaluatorRepository;
import dev.editeval.domain.ports.ExportRequests;
import dev.editeval.domain.ports.ImageLinks;
import dev.editeval.domain.ports.ObjectStore;
import dev.editeval.domain.ports.PreviewQueue;
import dev.editeval.domain.ports.QueueDepths;
import dev.editeval.domain.ports.RatingRepository;
import dev.editeval.domain.ports.ReviewRepository;
import dev.editeval.domain.ports.TaskRepository;
import dev.editeval.domain.work.WorkPolicy;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * Everything the services stand on: the stores, the queues, the links, the sources of time and chance. AWS adapters
 * give one set (made on first use, so a function pays only for the clients it touches), in-memory fakes another;
 * {@link Services} builds the same services over either.
 */
public interface Ports {

    ObjectStore store();

    BatchRepository batches();

    TaskRepository tasks();

    RatingRepository ratings();

    EvaluatorRepository evaluators();

    ReviewRepository review();

    PreviewQueue previewQueue();

    ExportRequests exportRequests();

    QueueDepths queueDepths();

    DeadLetters deadLetters();

    /** Links to stored images; {@link Services#LINK_LIFETIME} is how long a link made for a page should live. */
    ImageLinks links();

    /** A new blind key for an output: sixteen hex digits that never name its model. */
    String newBlindKey();

    RandomGenerator random();

    WorkPolicy workPolicy();

    IngestService.Sleeper sleeper();

    Clock clock();
}
