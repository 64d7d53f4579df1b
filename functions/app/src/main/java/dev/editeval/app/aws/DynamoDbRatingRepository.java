package dev.editeval.app.aws;

import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.ports.RatingRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Rating items: pk {@code TASK#batch/task}, sk {@code RATING#evaluator} — the key forbids a second rating — and
 * gsi1 {@code RATED#yyyy-mm-dd} / {@code submittedAt#batch/task#evaluator}, so the nightly export reads one day's
 * ratings in time order with one query and never scans the table. A day is one index partition: its write rate is
 * people submitting ratings, far under a partition's 1,000 writes a second.
 */
public final class DynamoDbRatingRepository implements RatingRepository {

    private static final String RATING = "RATING#";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbRatingRepository(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(TaskRef task, String evaluatorId) {
        return Keys.of(Keys.task(task), RATING + evaluatorId);
    }

    @Override
    public boolean putIfAbsent(RatingRecord rating) {
        Map<String, AttributeValue> item = new HashMap<>(key(rating.task(), rating.evaluatorId()));
        item.put(Keys.GSI1_PK, Attr.s(Keys.ratedOn(LocalDate.ofInstant(rating.submittedAt(), ZoneOffset.UTC))));
        item.put(Keys.GSI1_SK, Attr.s(rating.submittedAt() + "#" + rating.task().batchId() + "/"
                + rating.task().taskId() + "#" + rating.evaluatorId()));
        item.put("batchId", Attr.s(rating.task().batchId()));
        item.put("taskId", Attr.s(rating.task().taskId()));
        item.put("evaluatorId", Attr.s(rating.evaluatorId()));
        item.put("submissionId", Attr.s(rating.submissionId()));
        item.put("submittedAt", Attr.s(rating.submittedAt().toString()));
        item.put("submission", Attr.s(rating.submission()));
        item.put("modelByOutput", stringMap(rating.modelByOutput()));
        item.put("metricsByOutput", stringMap(rating.metricsByOutput()));
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<RatingRecord> find(TaskRef task, String evaluatorId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).key(key(task, evaluatorId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public List<RatingRecord> ofTask(TaskRef task) {
        return dynamoDb.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :p AND begins_with(sk, :r)")
                        .expressionAttributeValues(Map.of(":p", Attr.s(Keys.task(task)), ":r", Attr.s(RATING))))
                .items().stream().map(DynamoDbRatingRepository::fromItem).toList();
    }

    @Override
    public List<RatingRecord> listDay(LocalDate day) {
        return dynamoDb.queryPaginator(b -> b.tableName(table).indexName(Keys.GSI1)
                        .keyConditionExpression("gsi1pk = :p")
                        .expressionAttributeValues(Map.of(":p", Attr.s(Keys.ratedOn(day)))))
                .items().stream().map(DynamoDbRatingRepository::fromItem).toList();
    }

    @Override
    public List<RatingRecord> ofEvaluatorOn(String evaluatorId, LocalDate day, int limit) {
        // the day's partition read newest first, the caller's ratings kept by the query's filter
        return dynamoDb.queryPaginator(b -> b.tableName(table).indexName(Keys.GSI1).scanIndexForward(false)
                        .keyConditionExpression("gsi1pk = :p").filterExpression("evaluatorId = :e")
                        .expressionAttributeValues(Map.of(":p", Attr.s(Keys.ratedOn(day)), ":e", Attr.s(evaluatorId))))
                .items().stream().limit(limit).map(DynamoDbRatingRepository::fromItem).toList();
    }

    private static RatingRecord fromItem(Map<String, AttributeValue> item) {
        return new RatingRecord(new TaskRef(Attr.string(item, "batchId"), Attr.string(item, "taskId")),
                Attr.string(item, "evaluatorId"), Attr.string(item, "submissionId"),
                Instant.parse(Attr.string(item, "submittedAt")), Attr.string(item, "submission"),
                stringMap(item, "modelByOutput"), stringMap(item, "metricsByOutput"));
    }

    private static AttributeValue stringMap(Map<String, String> values) {
        return AttributeValue.fromM(values.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> Attr.s(e.getValue()))));
    }

    /** A map of strings; empty when the item has none (ratings stored before it was kept). */
    private static Map<String, String> stringMap(Map<String, AttributeValue> item, String name) {
        return item.getOrDefault(name, AttributeValue.fromM(Map.of())).m().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().s()));
    }
}
