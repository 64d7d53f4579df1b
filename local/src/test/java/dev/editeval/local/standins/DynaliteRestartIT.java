package dev.editeval.local.standins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** dynalite killed with kill -9: started again on its port with its data, as a person would have had to before. */
class DynaliteRestartIT {

    private static final String TABLE = "restart";

    @Test
    void whenDynaliteIsKilled_itComesBackOnItsPortWithItsData(@TempDir Path dir) throws Exception {
        try (StandIns standIns = StandIns.start(StandInsOptions.persistent(Files.createDirectories(dir.resolve("d")),
                StandInPorts.any()))) {
            DynamoDbClient dynamoDb = standIns.clients().dynamoDb();
            dynamoDb.createTable(b -> b.tableName(TABLE).billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
            TableWaiter.awaitActive(dynamoDb, TABLE);
            dynamoDb.putItem(b -> b.tableName(TABLE).item(Map.of("pk", AttributeValue.fromS("kept"))));
            long first = standIns.dynamoDbPid();

            // one handle, taken before the kill: once the child is reaped, ProcessHandle.of finds nothing
            ProcessHandle child = ProcessHandle.of(first).orElseThrow();
            child.destroyForcibly();
            child.onExit().get(10, TimeUnit.SECONDS);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while ((standIns.dynamoDbPid() == first || !standIns.dynamoDbUp()) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(standIns.dynamoDbUp()).isTrue();
            assertThat(standIns.dynamoDbPid()).isNotEqualTo(first);
            assertThat(standIns.dynamoDbLost()).isNotDone();
            assertThat(dynamoDb.getItem(b -> b.tableName(TABLE).key(Map.of("pk", AttributeValue.fromS("kept"))))
                    .item()).containsEntry("pk", AttributeValue.fromS("kept"));
        }
    }
}
