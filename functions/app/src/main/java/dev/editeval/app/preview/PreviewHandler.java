package dev.editeval.app.preview;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.editeval.app.aws.TaskMessages;
import dev.editeval.app.runtime.SqsBatch;
import dev.editeval.app.runtime.Wiring;
import dev.editeval.domain.services.Services;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.preview.PreviewOutcome;
import dev.editeval.domain.preview.PreviewService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/** SQS batch of task messages: thumbnails, previews and change maps per task, then its rating slots. */
public final class PreviewHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(PreviewHandler.class);

    private final PreviewService previews;

    public PreviewHandler() {
        this(Wiring.fromEnvironment());
    }

    public PreviewHandler(Services services) {
        this(services.previewService());
    }

    PreviewHandler(PreviewService previews) {
        this.previews = previews;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> SqsBatch.process(event, message -> {
            TaskRef task = TaskMessages.parse(message.getBody());
            try (MDC.MDCCloseable batch = MDC.putCloseable("batchId", task.batchId());
                 MDC.MDCCloseable id = MDC.putCloseable("taskId", task.taskId())) {
                switch (previews.preview(task)) {
                    case PreviewOutcome.Ready r -> LOG.info("task ready, {} rating slots queued", r.slots());
                    case PreviewOutcome.Failed f -> LOG.warn("task failed: {}", f.reason());
                    case PreviewOutcome.Ignored i -> LOG.info("nothing to do: {}", i.why());
                }
            }
        }));
    }
}
