package dev.editeval.local.standins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.app.aws.SqsRedrive;
import dev.editeval.app.runtime.LocalAccount;
import dev.editeval.domain.topology.QueueSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The SQS stand-in through the real SDK: the queue behaviour the pollers and the lease API rely on. */
class SqsStandInIT {

    private static StandIns standIns;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        standIns = StandIns.start(StandInsOptions.ephemeral());
        sqs = standIns.clients().sqs();
    }

    @AfterAll
    static void stop() {
        standIns.close();
    }

    @Test
    void createQueue_whenCalled_returnsUrlOnTheStandInsAddress() {
        String url = createQueue(Map.of());

        assertThat(url).startsWith(standIns.sqsEndpoint() + "/" + LocalAccount.ACCOUNT_ID + "/");
        assertThat(sqs.getQueueAttributes(get -> get.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN))
                .startsWith("arn:aws:sqs:us-east-1:" + LocalAccount.ACCOUNT_ID + ":");
    }

    @Test
    void redrive_movesEveryDeadLetterBackToItsQueue_inBatches_andLeavesTheDeadLetterQueueEmpty() {
        QueueSpec queue = new QueueSpec("queue-" + UUID.randomUUID(), 30, 3, 1, 5);
        String source = sqs.createQueue(create -> create.queueName(queue.name())).queueUrl();
        String dead = sqs.createQueue(create -> create.queueName(queue.deadLetterName())).queueUrl();
        for (int i = 0; i < 23; i++) {
            String body = "task t" + i;
            sqs.sendMessage(send -> send.queueUrl(dead).messageBody(body));
        }

        int moved = new SqsRedrive(sqs).redrive(queue);

        assertThat(moved).isEqualTo(23);
        assertThat(receive(dead, 0)).isEmpty();
        Set<String> bodies = new HashSet<>();
        for (List<Message> batch = receive(source, 30); !batch.isEmpty(); batch = receive(source, 30)) {
            batch.forEach(message -> bodies.add(message.body()));
        }
        assertThat(bodies).hasSize(23).contains("task t0", "task t22");
        assertThat(new SqsRedrive(sqs).redrive(queue)).as("nothing left to move").isZero();
    }

    @Test
    void receiveMessage_whenDeleted_isGoneForGood() throws InterruptedException {
        String url = createQueue(Map.of());
        sqs.sendMessage(send -> send.queueUrl(url).messageBody("task t1"));

        Message received = receiveOne(url, 1);
        sqs.deleteMessage(delete -> delete.queueUrl(url).receiptHandle(received.receiptHandle()));
        Thread.sleep(1_200);

        assertThat(received.body()).isEqualTo("task t1");
        assertThat(receive(url, 0)).isEmpty();
    }

    @Test
    void receiveMessage_whenVisibilityTimeoutPasses_deliversAgainWithHigherReceiveCount() throws InterruptedException {
        String url = createQueue(Map.of());
        sqs.sendMessage(send -> send.queueUrl(url).messageBody("lease me"));

        Message first = receiveOne(url, 1);
        List<Message> whileLeased = receive(url, 1);
        Thread.sleep(1_200);
        Message again = receiveOne(url, 1);

        assertThat(whileLeased).isEmpty();
        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(again.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).isEqualTo("2");
    }

    @Test
    void receiveMessage_whenMaxReceiveCountExceeded_movesMessageToDeadLetterQueue() {
        String dlqUrl = createQueue(Map.of());
        String dlqArn = sqs.getQueueAttributes(get -> get.queueUrl(dlqUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        String url = createQueue(Map.of(QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"2\"}"));
        sqs.sendMessage(send -> send.queueUrl(url).messageBody("poison"));

        receiveOne(url, 0);
        receiveOne(url, 0);
        List<Message> third = receive(url, 0);

        assertThat(third).isEmpty();
        assertThat(receiveOne(dlqUrl, 30).body()).isEqualTo("poison");
    }

    private static String createQueue(Map<QueueAttributeName, String> attributes) {
        String name = "queue-" + UUID.randomUUID();
        return sqs.createQueue(create -> create.queueName(name).attributes(attributes)).queueUrl();
    }

    private static Message receiveOne(String url, int visibilitySeconds) {
        List<Message> messages = receive(url, visibilitySeconds);
        assertThat(messages).hasSize(1);
        return messages.getFirst();
    }

    private static List<Message> receive(String url, int visibilitySeconds) {
        return sqs.receiveMessage(receive -> receive.queueUrl(url).visibilityTimeout(visibilitySeconds)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
    }
}
