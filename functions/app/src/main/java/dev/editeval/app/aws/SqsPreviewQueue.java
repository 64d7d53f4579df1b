package dev.editeval.app.aws;

import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.ports.PreviewQueue;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Preview work on SQS, one message per task, sent ten at a time. */
public final class SqsPreviewQueue implements PreviewQueue {

    private final SqsBatchSender sender;

    public SqsPreviewQueue(SqsClient sqs, String queueUrl) {
        this.sender = new SqsBatchSender(sqs, queueUrl);
    }

    @Override
    public void send(List<TaskRef> tasks) {
        sender.send(tasks.stream().map(TaskMessages::body).toList());
    }
}
