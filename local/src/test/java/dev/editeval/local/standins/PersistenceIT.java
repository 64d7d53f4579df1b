package dev.editeval.local.standins;

import dev.editeval.app.runtime.AwsClients;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** A stop and a start on the same data folder: what the local runtime does on every restart. */
class PersistenceIT {

    private static final String BUCKET = "editeval-uploads";
    private static final String TABLE = "editeval";
    private static final String QUEUE = "editeval-ingest";
    private static final Map<String, AttributeValue> BATCH_KEY =
            Map.of("pk", AttributeValue.fromS("BATCH#b1"), "sk", AttributeValue.fromS("BATCH"));

    @TempDir
    Path dataDir;

    @Test
    void start_whenSameDataDirAfterClose_findsObjectsItemsAndMessagesAgain() {
        long firstDynaliteProcess;
        try (StandIns first = StandIns.start(StandInsOptions.persistent(dataDir, StandInPorts.any()))) {
            writeOneOfEach(first.clients());
            firstDynaliteProcess = first.dynamoDbPid();
        }

        assertThat(ProcessHandle.of(firstDynaliteProcess).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(dataDir.resolve("s3").resolve(BUCKET).resolve("batches/b1/manifest.json")).isRegularFile();
        try (StandIns second = StandIns.start(StandInsOptions.persistent(dataDir, StandInPorts.any()))) {
            AwsClients clients = second.clients();

            assertThat(clients.s3().getObjectAsBytes(get -> get.bucket(BUCKET).key("batches/b1/manifest.json"))
                    .asUtf8String()).isEqualTo("{\"batchId\":\"b1\"}");
            assertThat(clients.dynamoDb().getItem(get -> get.tableName(TABLE).key(BATCH_KEY)).item())
                    .containsEntry("status", AttributeValue.fromS("READY"));
            String queueUrl = clients.sqs().getQueueUrl(get -> get.queueName(QUEUE)).queueUrl();
            var messages = clients.sqs().receiveMessage(receive -> receive.queueUrl(queueUrl).waitTimeSeconds(2)
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
            assertThat(messages).singleElement().satisfies(message -> {
                assertThat(message.body()).isEqualTo("ingest b1");
                // the receive before the restart still counts, so redrive limits hold across restarts
                assertThat(message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                        .isEqualTo("2");
            });
        }
    }

    @Test
    void dataDir_whenPersistent_holdsEachStandInsFolder() {
        try (StandIns standIns = StandIns.start(StandInsOptions.persistent(dataDir, StandInPorts.any()))) {
            assertThat(standIns.persistent()).isTrue();
            assertThat(standIns.dataDir()).isEqualTo(dataDir.toAbsolutePath().normalize());
        }

        assertThat(dataDir.resolve("s3")).isDirectory();
        assertThat(dataDir.resolve("sqs")).isDirectoryContaining(path -> path.toString().endsWith(".mv.db"));
        assertThat(dataDir.resolve("dynamodb")).isDirectoryContaining(path -> Files.isRegularFile(path)
                && path.getFileName().toString().equals("CURRENT"));
    }

    private static void writeOneOfEach(AwsClients clients) {
        clients.s3().createBucket(create -> create.bucket(BUCKET));
        clients.s3().putObject(put -> put.bucket(BUCKET).key("batches/b1/manifest.json"),
                RequestBody.fromString("{\"batchId\":\"b1\"}"));
        clients.dynamoDb().createTable(create -> create.tableName(TABLE)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(stringAttribute("pk"), stringAttribute("sk"))
                .keySchema(keyElement("pk", KeyType.HASH), keyElement("sk", KeyType.RANGE)));
        TableWaiter.awaitActive(clients.dynamoDb(), TABLE);
        var item = new HashMap<>(BATCH_KEY);
        item.put("status", AttributeValue.fromS("READY"));
        clients.dynamoDb().putItem(put -> put.tableName(TABLE).item(item));
        String queueUrl = clients.sqs().createQueue(create -> create.queueName(QUEUE)).queueUrl();
        clients.sqs().sendMessage(send -> send.queueUrl(queueUrl).messageBody("ingest b1"));
        // received once and not deleted, as by a handler that crashed: it must come back after the restart
        assertThat(clients.sqs().receiveMessage(receive -> receive.queueUrl(queueUrl).visibilityTimeout(0))
                .messages()).hasSize(1);
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement keyElement(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
