package dev.editeval.app.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.editeval.app.runtime.SqsBatch;
import dev.editeval.app.runtime.Wiring;
import dev.editeval.domain.services.Services;
import dev.editeval.domain.ingest.IngestOutcome;
import dev.editeval.domain.ingest.IngestService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/** SQS batch of S3 events for {@code batches/{batchId}/manifest.json}: validate, record, queue the tasks. */
public final class IngestHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(IngestHandler.class);

    private final IngestService ingest;

    public IngestHandler() {
        this(Wiring.fromEnvironment());
    }

    public IngestHandler(Services services) {
        this(services.ingestService());
    }

    IngestHandler(IngestService ingest) {
        this.ingest = ingest;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> SqsBatch.process(event, message -> {
            for (String key : S3EventMessages.createdKeys(message.getBody())) {
                log(key, ingest.ingest(key));
            }
        }));
    }

    private static void log(String key, IngestOutcome outcome) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable("batchId", outcome.batchId())) {
            switch (outcome) {
                case IngestOutcome.Accepted a -> LOG.info("batch accepted with {} tasks", a.taskCount());
                case IngestOutcome.Rejected r -> LOG.warn("batch rejected: {}", String.join("; ", r.problems()));
                case IngestOutcome.Ignored i -> LOG.info("{} ignored: {}", key, i.why());
            }
        }
    }
}
