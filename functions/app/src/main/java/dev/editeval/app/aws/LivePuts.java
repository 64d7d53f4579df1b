package dev.editeval.app.aws;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Writes an item that holds something until its {@code expiresAt} (epoch millis): a lease, a place under the
 * lease cap. The write wins when nothing is there or what is there has run out, so no expiry sweep is needed.
 */
final class LivePuts {

    private LivePuts() {
    }

    /** False when a live item holds the key at {@code now}. */
    static boolean putUnlessLive(DynamoDbClient dynamoDb, String table, Map<String, AttributeValue> item, Instant now) {
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR expiresAt <= :now")
                    .expressionAttributeValues(Map.of(":now", Attr.n(now.toEpochMilli()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
