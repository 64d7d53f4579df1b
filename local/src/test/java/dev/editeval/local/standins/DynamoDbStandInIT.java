package dev.editeval.local.standins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** The DynamoDB stand-in through the real SDK: the single-table patterns the repositories use. */
class DynamoDbStandInIT {

    private static final String TABLE = "editeval";

    private static StandIns standIns;
    private static DynamoDbClient dynamoDb;

    @BeforeAll
    static void start() {
        standIns = StandIns.start(StandInsOptions.ephemeral());
        dynamoDb = standIns.clients().dynamoDb();
        dynamoDb.createTable(create -> create.tableName(TABLE)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute("pk"), attribute("sk"), attribute("gsi1pk"), attribute("gsi1sk"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(index -> index.indexName("gsi1")
                        .keySchema(key("gsi1pk", KeyType.HASH), key("gsi1sk", KeyType.RANGE))
                        .projection(projection -> projection.projectionType(ProjectionType.ALL))));
        TableWaiter.awaitActive(standIns.clients().dynamoDb(), TABLE);
    }

    @AfterAll
    static void stop() {
        standIns.close();
    }

    @Test
    void createTable_whenWaitedFor_isActiveWithItsIndex() {
        var table = dynamoDb.describeTable(describe -> describe.tableName(TABLE)).table();

        assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(table.globalSecondaryIndexes()).singleElement()
                .satisfies(index -> assertThat(index.indexName()).isEqualTo("gsi1"));
    }

    @Test
    void putItem_whenConditionalOnAbsenceAndRepeated_failsTheSecondTime() {
        Map<String, AttributeValue> rating = Map.of("pk", s("TASK#t1"), "sk", s("RATING#alice"), "score", n(4));
        dynamoDb.putItem(put -> put.tableName(TABLE).item(rating).conditionExpression("attribute_not_exists(pk)"));

        assertThatThrownBy(() -> dynamoDb.putItem(put -> put.tableName(TABLE)
                .item(Map.of("pk", s("TASK#t1"), "sk", s("RATING#alice"), "score", n(1)))
                .conditionExpression("attribute_not_exists(pk)")))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(dynamoDb.getItem(get -> get.tableName(TABLE)
                .key(Map.of("pk", s("TASK#t1"), "sk", s("RATING#alice")))).item().get("score")).isEqualTo(n(4));
    }

    @Test
    void query_whenOnTheIndex_returnsTheBatchsItemsInSortKeyOrder() {
        for (String at : List.of("2026-11-28T10:00:02Z", "2026-11-28T10:00:01Z", "2026-11-28T10:00:03Z")) {
            dynamoDb.putItem(put -> put.tableName(TABLE).item(Map.of("pk", s("TASK#q-" + at), "sk", s("RATING#bob"),
                    "gsi1pk", s("BATCH#b9"), "gsi1sk", s("RATED#" + at))));
        }
        dynamoDb.putItem(put -> put.tableName(TABLE).item(Map.of("pk", s("TASK#other"), "sk", s("RATING#bob"),
                "gsi1pk", s("BATCH#b8"), "gsi1sk", s("RATED#2026-11-28T10:00:00Z"))));

        var items = dynamoDb.query(query -> query.tableName(TABLE).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :batch")
                .expressionAttributeValues(Map.of(":batch", s("BATCH#b9")))).items();

        assertThat(items).extracting(item -> item.get("gsi1sk").s()).containsExactly(
                "RATED#2026-11-28T10:00:01Z", "RATED#2026-11-28T10:00:02Z", "RATED#2026-11-28T10:00:03Z");
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder()
                .attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder()
                .attributeName(name).keyType(type).build();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(int value) {
        return AttributeValue.fromN(Integer.toString(value));
    }
}
