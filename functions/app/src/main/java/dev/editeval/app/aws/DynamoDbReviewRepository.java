package dev.editeval.app.aws;

import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.ports.ReviewRepository;
import dev.editeval.domain.quality.Adjudication;
import dev.editeval.domain.quality.Disagreement;
import dev.editeval.domain.quality.DisagreementRecord;
import dev.editeval.domain.quality.Extension;
import dev.editeval.domain.quality.SafetyEscalation;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The review items, each in its task's partition beside the ratings ({@code TASK#batch/task}), so one query of the
 * partition gives a task's ratings and everything decided about them:
 * <ul>
 *   <li>{@code DISAGREEMENT}: the latest disagreeing round and its extensions; gsi1 {@code DISAGREEMENTS};
 *   <li>{@code ADJUDICATION}: the lead's answer as JSON; gsi1 {@code ADJUDICATIONS};
 *   <li>{@code SAFETY#model#evaluator}: one flag; gsi1 {@code SAFETY#OPEN}, then {@code SAFETY#RESOLVED}, by the
 *       time it was flagged.
 * </ul>
 * Each list is one index query as long as the disagreements, decisions or flags it holds.
 */
public final class DynamoDbReviewRepository implements ReviewRepository {

    private static final String DISAGREEMENT = "DISAGREEMENT";
    private static final String DISAGREEMENTS = "DISAGREEMENTS";
    private static final String ADJUDICATION = "ADJUDICATION";
    private static final String ADJUDICATIONS = "ADJUDICATIONS";
    private static final String SAFETY = "SAFETY#";
    private static final String SAFETY_OPEN = "SAFETY#OPEN";
    private static final String SAFETY_RESOLVED = "SAFETY#RESOLVED";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbReviewRepository(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    private static String ref(TaskRef task) {
        return task.batchId() + "/" + task.taskId();
    }

    @Override
    public void recordDisagreement(DisagreementRecord record, Optional<Extension> extended) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":b", Attr.s(record.task().batchId()),
                ":t", Attr.s(record.task().taskId()), ":n", Attr.n(record.disagreement().ratings()),
                ":d", Attr.json(record.disagreement()), ":r", Attr.n(record.ratersPerTask()),
                ":at", Attr.s(record.at().toString()), ":g", Attr.s(DISAGREEMENTS), ":gs", Attr.s(ref(record.task()))));
        String set = "SET batchId = :b, taskId = :t, ratings = :n, disagreement = :d, ratersPerTask = :r, #at = :at, "
                + "gsi1pk = :g, gsi1sk = :gs";
        // an older round never overwrites a newer one; an extension is appended once, whatever retries the write
        String condition = "(attribute_not_exists(ratings) OR ratings <= :n)";
        if (extended.isPresent()) {
            Extension extension = extended.get();
            values.put(":e", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of(
                    "from", Attr.n(extension.fromRaters()), "to", Attr.n(extension.toRaters()),
                    "reasons", Attr.strings(extension.reasons()), "at", Attr.s(record.at().toString()))))));
            values.put(":empty", AttributeValue.fromL(List.of()));
            values.put(":from", Attr.s(String.valueOf(extension.fromRaters())));
            values.put(":fromSet", AttributeValue.fromSs(List.of(String.valueOf(extension.fromRaters()))));
            set += ", extensions = list_append(if_not_exists(extensions, :empty), :e) ADD extendedFrom :fromSet";
            condition += " AND NOT contains(extendedFrom, :from)";
        }
        Conditional.applied(dynamoDb, UpdateItemRequest.builder().tableName(table)
                .key(Keys.of(Keys.task(record.task()), DISAGREEMENT)).updateExpression(set)
                .conditionExpression(condition).expressionAttributeNames(Map.of("#at", "at"))
                .expressionAttributeValues(values));
    }

    @Override
    public List<DisagreementRecord> disagreements() {
        return index(DISAGREEMENTS).stream().map(DynamoDbReviewRepository::disagreementOf).toList();
    }

    @Override
    public Optional<DisagreementRecord> disagreement(TaskRef task) {
        return get(task, DISAGREEMENT).map(DynamoDbReviewRepository::disagreementOf);
    }

    private static DisagreementRecord disagreementOf(Map<String, AttributeValue> item) {
        List<DisagreementRecord.Extended> extensions = item.getOrDefault("extensions", AttributeValue.fromL(List.of()))
                .l().stream().map(AttributeValue::m).map(e -> new DisagreementRecord.Extended(new Extension(
                        Integer.parseInt(e.get("from").n()), Integer.parseInt(e.get("to").n()),
                        e.get("reasons").l().stream().map(AttributeValue::s).toList()),
                        Instant.parse(e.get("at").s()))).toList();
        return new DisagreementRecord(taskOf(item), Attr.optionalJson(item, "disagreement", Disagreement.class)
                .orElseThrow(() -> new IllegalStateException("a disagreement item without its disagreement")),
                (int) Attr.number(item, "ratersPerTask"), extensions, Instant.parse(Attr.string(item, "at")));
    }

    @Override
    public boolean putAdjudication(Adjudication adjudication, boolean replace) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.of(Keys.task(adjudication.task()), ADJUDICATION));
        item.put(Keys.GSI1_PK, Attr.s(ADJUDICATIONS));
        item.put(Keys.GSI1_SK, Attr.s(ref(adjudication.task())));
        item.put("adjudication", Attr.s(adjudication.toJson().toString()));
        try {
            dynamoDb.putItem(b -> {
                b.tableName(table).item(item);
                if (!replace) {
                    b.conditionExpression("attribute_not_exists(pk)");
                }
            });
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<Adjudication> adjudication(TaskRef task) {
        return get(task, ADJUDICATION).map(item -> Adjudication.fromJson(Attr.string(item, "adjudication")));
    }

    @Override
    public List<Adjudication> adjudications() {
        return index(ADJUDICATIONS).stream().map(item -> Adjudication.fromJson(Attr.string(item, "adjudication")))
                .toList();
    }

    @Override
    public void escalate(SafetyEscalation escalation) {
        Map<String, AttributeValue> item = new HashMap<>(key(escalation.task(), escalation.model(),
                escalation.evaluatorId()));
        item.put(Keys.GSI1_PK, Attr.s(SAFETY_OPEN));
        item.put(Keys.GSI1_SK, Attr.s(escalation.flaggedAt() + "#" + escalation.id()));
        item.put("batchId", Attr.s(escalation.task().batchId()));
        item.put("taskId", Attr.s(escalation.task().taskId()));
        item.put("outputId", Attr.s(escalation.outputId()));
        item.put("model", Attr.s(escalation.model()));
        item.put("categories", Attr.strings(escalation.categories()));
        item.put("evaluatorId", Attr.s(escalation.evaluatorId()));
        item.put("flaggedAt", Attr.s(escalation.flaggedAt().toString()));
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException e) {
            // recorded already, by this submit's earlier attempt: a resolution made since stays
        }
    }

    @Override
    public List<SafetyEscalation> escalations(boolean resolved) {
        return index(resolved ? SAFETY_RESOLVED : SAFETY_OPEN).stream().map(DynamoDbReviewRepository::escalationOf)
                .toList();
    }

    @Override
    public Optional<SafetyEscalation> escalation(TaskRef task, String model, String evaluatorId) {
        return Optional.ofNullable(dynamoDb.getItem(b -> b.tableName(table).key(key(task, model, evaluatorId))
                .consistentRead(true)).item()).filter(item -> !item.isEmpty())
                .map(DynamoDbReviewRepository::escalationOf);
    }

    @Override
    public boolean resolve(SafetyEscalation escalation, SafetyEscalation.Resolution resolution) {
        return Conditional.applied(dynamoDb, UpdateItemRequest.builder().tableName(table)
                .key(key(escalation.task(), escalation.model(), escalation.evaluatorId()))
                .updateExpression("SET resolution = :r, gsi1pk = :g")
                .conditionExpression("attribute_exists(pk) AND attribute_not_exists(resolution)")
                .expressionAttributeValues(Map.of(":g", Attr.s(SAFETY_RESOLVED), ":r", AttributeValue.fromM(Map.of(
                        "verdict", Attr.s(resolution.verdict().code()), "note", Attr.s(resolution.note()),
                        "by", Attr.s(resolution.by()), "at", Attr.s(resolution.at().toString()))))));
    }

    private static SafetyEscalation escalationOf(Map<String, AttributeValue> item) {
        Optional<SafetyEscalation.Resolution> resolution = Optional.ofNullable(item.get("resolution"))
                .filter(AttributeValue::hasM).map(AttributeValue::m).map(r -> new SafetyEscalation.Resolution(
                        SafetyEscalation.Verdict.of(r.get("verdict").s()).orElseThrow(), r.get("note").s(),
                        r.get("by").s(), Instant.parse(r.get("at").s())));
        return new SafetyEscalation(taskOf(item), Attr.string(item, "outputId"), Attr.string(item, "model"),
                Attr.strings(item, "categories"), Attr.string(item, "evaluatorId"),
                Instant.parse(Attr.string(item, "flaggedAt")), resolution);
    }

    private static Map<String, AttributeValue> key(TaskRef task, String model, String evaluatorId) {
        return Keys.of(Keys.task(task), SAFETY + model + "#" + evaluatorId);
    }

    private static TaskRef taskOf(Map<String, AttributeValue> item) {
        return new TaskRef(Attr.string(item, "batchId"), Attr.string(item, "taskId"));
    }

    private Optional<Map<String, AttributeValue>> get(TaskRef task, String sk) {
        return Optional.ofNullable(dynamoDb.getItem(b -> b.tableName(table).key(Keys.of(Keys.task(task), sk))
                .consistentRead(true)).item()).filter(item -> !item.isEmpty());
    }

    private List<Map<String, AttributeValue>> index(String partition) {
        return dynamoDb.queryPaginator(b -> b.tableName(table).indexName(Keys.GSI1)
                        .keyConditionExpression("gsi1pk = :p")
                        .expressionAttributeValues(Map.of(":p", Attr.s(partition))))
                .items().stream().toList();
    }
}
