package dev.editeval.local.standins;

import java.time.Duration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/** Waits for a new table to turn ACTIVE, polling as fast as dynalite answers rather than the SDK's 20-second steps. */
public final class TableWaiter {

    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private TableWaiter() {
    }

    public static void awaitActive(DynamoDbClient dynamoDb, String table) {
        try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(dynamoDb)
                .overrideConfiguration(w -> w.backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(POLL))
                        .waitTimeout(TIMEOUT))
                .build()) {
            waiter.waitUntilTableExists(b -> b.tableName(table));
        }
    }
}
