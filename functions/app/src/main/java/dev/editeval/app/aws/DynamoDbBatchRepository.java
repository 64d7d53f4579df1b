package dev.editeval.app.aws;

import com.fasterxml.jackson.databind.JavaType;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.model.BatchRecord;
import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.model.FailedTask;
import dev.editeval.domain.ports.BatchRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Batch items: pk {@code BATCH#id}, sk {@code BATCH}; listed through gsi1 under {@code BATCHES}. The outcome of the
 * batch's previews (a count of tasks through them, then the failures) is the item sk {@code PREVIEWS} beside it, so
 * the ingest's writes of the batch item never reset it.
 */
public final class DynamoDbBatchRepository implements BatchRepository {

    private static final String SK = "BATCH";
    private static final String PREVIEWS_SK = "PREVIEWS";
    private static final JavaType FAILURES = Json.MAPPER.getTypeFactory()
            .constructCollectionType(List.class, FailedTask.class);

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbBatchRepository(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<BatchRecord> find(String batchId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                .key(Keys.of(Keys.batch(batchId), SK)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public boolean claim(BatchRecord batch) {
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(toItem(batch))
                    .conditionExpression("attribute_not_exists(pk) OR #s = :rejected"
                            + " OR (#s = :ingesting AND manifestETag = :etag)")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":rejected", Attr.s(BatchStatus.REJECTED.name()),
                            ":ingesting", Attr.s(BatchStatus.INGESTING.name()),
                            ":etag", Attr.s(batch.manifestETag()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void save(BatchRecord batch) {
        dynamoDb.putItem(b -> b.tableName(table).item(toItem(batch)));
    }

    @Override
    public List<BatchRecord> list() {
        return dynamoDb.queryPaginator(b -> b.tableName(table).indexName(Keys.GSI1)
                        .keyConditionExpression("gsi1pk = :p")
                        .expressionAttributeValues(Map.of(":p", Attr.s(Keys.BATCHES))))
                .items().stream().map(DynamoDbBatchRepository::fromItem).toList();
    }

    @Override
    public long countPreviewed(String batchId) {
        Map<String, AttributeValue> after = dynamoDb.updateItem(b -> b.tableName(table)
                .key(Keys.of(Keys.batch(batchId), PREVIEWS_SK)).updateExpression("ADD previewed :one")
                .expressionAttributeValues(Map.of(":one", Attr.n(1))).returnValues(ReturnValue.UPDATED_NEW))
                .attributes();
        return Attr.number(after, "previewed");
    }

    @Override
    public void recordPreviews(String batchId, int ready, List<FailedTask> failed) {
        dynamoDb.updateItem(b -> b.tableName(table).key(Keys.of(Keys.batch(batchId), PREVIEWS_SK))
                .updateExpression("SET ready = :r, failedTasks = :f")
                .expressionAttributeValues(Map.of(":r", Attr.n(ready), ":f", Attr.json(failed))));
    }

    @Override
    public List<FailedTask> failedTasks(String batchId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                .key(Keys.of(Keys.batch(batchId), PREVIEWS_SK)).consistentRead(true)).item();
        return item == null || !item.containsKey("failedTasks") ? List.of() : Attr.json(item, "failedTasks", FAILURES);
    }

    private static Map<String, AttributeValue> toItem(BatchRecord batch) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.of(Keys.batch(batch.batchId()), SK));
        item.put(Keys.GSI1_PK, Attr.s(Keys.BATCHES));
        item.put(Keys.GSI1_SK, Attr.s(batch.createdAt() + "#" + batch.batchId()));
        item.put("batchId", Attr.s(batch.batchId()));
        item.put("status", Attr.s(batch.status().name()));
        item.put("rubricId", Attr.s(batch.rubricId()));
        item.put("ratersPerTask", Attr.n(batch.ratersPerTask()));
        item.put("taskCount", Attr.n(batch.taskCount()));
        item.put("manifestETag", Attr.s(batch.manifestETag()));
        item.put("createdAt", Attr.s(batch.createdAt().toString()));
        item.put("problems", Attr.strings(batch.problems()));
        return item;
    }

    private static BatchRecord fromItem(Map<String, AttributeValue> item) {
        return new BatchRecord(Attr.string(item, "batchId"), BatchStatus.valueOf(Attr.string(item, "status")),
                Attr.string(item, "rubricId"), (int) Attr.number(item, "ratersPerTask"),
                (int) Attr.number(item, "taskCount"), Attr.string(item, "manifestETag"),
                Instant.parse(Attr.string(item, "createdAt")), Attr.strings(item, "problems"));
    }
}
