package dev.editeval.app.aws;

import com.fasterxml.jackson.databind.JavaType;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.model.TaskOutput;
import dev.editeval.domain.model.TaskPreviews;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.model.TaskStatus;
import dev.editeval.domain.ports.TaskRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Task items: pk {@code BATCH#batchId}, sk {@code TASK#taskId}, so a batch's tasks are one query. */
public final class DynamoDbTaskRepository implements TaskRepository {

    private static final JavaType OUTPUTS = Json.MAPPER.getTypeFactory()
            .constructCollectionType(List.class, TaskOutput.class);

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbTaskRepository(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(TaskRef ref) {
        return Keys.of(Keys.batch(ref.batchId()), "TASK#" + ref.taskId());
    }

    @Override
    public boolean createIfAbsent(TaskRecord task) {
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(toItem(task))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<TaskRecord> find(TaskRef ref) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).key(key(ref))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public List<TaskRecord> listBatch(String batchId) {
        return dynamoDb.queryPaginator(b -> b.tableName(table)
                        .keyConditionExpression("pk = :p AND begins_with(sk, :t)")
                        .expressionAttributeValues(Map.of(":p", Attr.s(Keys.batch(batchId)), ":t", Attr.s("TASK#"))))
                .items().stream().map(DynamoDbTaskRepository::fromItem).toList();
    }

    @Override
    public boolean markReady(TaskRef ref, TaskPreviews previews) {
        return transition(ref, TaskStatus.READY, "previews", Attr.json(previews));
    }

    @Override
    public boolean markFailed(TaskRef ref, String reason) {
        return transition(ref, TaskStatus.FAILED, "failure", Attr.s(reason));
    }

    private boolean transition(TaskRef ref, TaskStatus next, String attribute, AttributeValue value) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(ref))
                    .updateExpression("SET #s = :next, #a = :v")
                    .conditionExpression("#s = :pending")
                    .expressionAttributeNames(Map.of("#s", "status", "#a", attribute))
                    .expressionAttributeValues(Map.of(":next", Attr.s(next.name()), ":v", value,
                            ":pending", Attr.s(TaskStatus.PENDING.name()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void markSlotsQueued(TaskRef ref) {
        dynamoDb.updateItem(b -> b.tableName(table).key(key(ref)).updateExpression("SET slotsQueued = :t")
                .expressionAttributeValues(Map.of(":t", Attr.bool(true))));
    }

    @Override
    public void addRating(TaskRef ref) {
        dynamoDb.updateItem(b -> b.tableName(table).key(key(ref)).updateExpression("ADD ratingCount :one")
                .expressionAttributeValues(Map.of(":one", Attr.n(1))));
    }

    private static Map<String, AttributeValue> toItem(TaskRecord task) {
        Map<String, AttributeValue> item = new HashMap<>(key(task.ref()));
        item.put("batchId", Attr.s(task.ref().batchId()));
        item.put("taskId", Attr.s(task.ref().taskId()));
        item.put("instruction", Attr.s(task.instruction()));
        task.category().ifPresent(c -> item.put("category", Attr.s(c)));
        item.put("sourceKey", Attr.s(task.sourceKey()));
        item.put("outputs", Attr.json(task.outputs()));
        item.put("ratersPerTask", Attr.n(task.ratersPerTask()));
        item.put("rubricId", Attr.s(task.rubricId()));
        item.put("status", Attr.s(task.status().name()));
        task.failure().ifPresent(f -> item.put("failure", Attr.s(f)));
        task.previews().ifPresent(p -> item.put("previews", Attr.json(p)));
        item.put("ratingCount", Attr.n(task.ratingCount()));
        item.put("slotsQueued", Attr.bool(task.slotsQueued()));
        return item;
    }

    private static TaskRecord fromItem(Map<String, AttributeValue> item) {
        return new TaskRecord(new TaskRef(Attr.string(item, "batchId"), Attr.string(item, "taskId")),
                Attr.string(item, "instruction"), Attr.optionalString(item, "category"),
                Attr.string(item, "sourceKey"), Attr.json(item, "outputs", OUTPUTS),
                (int) Attr.number(item, "ratersPerTask"), Attr.string(item, "rubricId"),
                TaskStatus.valueOf(Attr.string(item, "status")), Attr.optionalString(item, "failure"),
                Attr.optionalJson(item, "previews", TaskPreviews.class), (int) Attr.number(item, "ratingCount"),
                Attr.bool(item, "slotsQueued"));
    }
}
