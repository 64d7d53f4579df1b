package dev.editeval.app.aws;

import com.fasterxml.jackson.databind.JavaType;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.model.OpenWork;
import dev.editeval.domain.model.SlotState;
import dev.editeval.domain.model.TaskOutput;
import dev.editeval.domain.model.TaskPreviews;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.model.TaskSlots;
import dev.editeval.domain.model.TaskStatus;
import dev.editeval.domain.model.WorkClass;
import dev.editeval.domain.model.WorkPartition;
import dev.editeval.domain.ports.TaskRepository;
import dev.editeval.domain.quality.Extension;
import dev.editeval.domain.quality.TaskQuality;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Task items: pk {@code BATCH#batchId}, sk {@code TASK#taskId}, so a batch's tasks are one query. A READY task's item
 * also holds its rating slots ({@code slot0..}, {@code takenBy}, {@code ratedBy}) and, while a slot is not rated, its
 * place in the open-work index: gsi1 {@code OPEN#class#shard} / position (docs/data-model.md).
 */
public final class DynamoDbTaskRepository implements TaskRepository {

    /** The task's class of work, gold and rules ({@link TaskQuality}), as JSON. */
    private static final String QUALITY = "quality";

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
    public boolean markReady(TaskRef ref, TaskPreviews previews, int slots, OpenWork open) {
        return Conditional.applied(dynamoDb, update(ref)
                .updateExpression("SET #s = :next, previews = :v, slotCount = :n, takenBy = :none, "
                        + "gsi1pk = :open, gsi1sk = :at")
                .conditionExpression("#s = :pending")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":next", Attr.s(TaskStatus.READY.name()),
                        ":v", Attr.json(previews), ":n", Attr.n(slots), ":none", AttributeValue.fromM(Map.of()),
                        ":open", Attr.s(Keys.open(open.partition())), ":at", Attr.s(open.position()),
                        ":pending", Attr.s(TaskStatus.PENDING.name()))));
    }

    @Override
    public boolean markFailed(TaskRef ref, String reason) {
        return Conditional.applied(dynamoDb, update(ref)
                .updateExpression("SET #s = :next, failure = :v")
                .conditionExpression("#s = :pending")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":next", Attr.s(TaskStatus.FAILED.name()), ":v", Attr.s(reason),
                        ":pending", Attr.s(TaskStatus.PENDING.name()))));
    }

    @Override
    public OpenPage openWork(WorkPartition partition, Optional<String> after, Optional<String> upTo,
                             String evaluatorId, int limit) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":p", Attr.s(Keys.open(partition))));
        after.ifPresent(a -> values.put(":a", Attr.s(a)));
        upTo.ifPresent(u -> values.put(":u", Attr.s(u)));
        String range = after.isPresent() && upTo.isPresent() ? " AND gsi1sk BETWEEN :a AND :u"
                : after.isPresent() ? " AND gsi1sk > :a" : upTo.isPresent() ? " AND gsi1sk <= :u" : "";
        QueryResponse page = dynamoDb.query(b -> b.tableName(table).indexName(Keys.GSI1).limit(limit)
                .keyConditionExpression("gsi1pk = :p" + range)
                .filterExpression("attribute_not_exists(takenBy.#me)")
                .expressionAttributeNames(Map.of("#me", evaluatorId))
                .expressionAttributeValues(values));
        List<TaskRecord> tasks = page.items().stream()
                // BETWEEN includes its lower end, which the page before has shown already
                .filter(item -> !(after.isPresent() && upTo.isPresent()
                        && Attr.string(item, Keys.GSI1_SK).equals(after.get())))
                .map(DynamoDbTaskRepository::fromItem).toList();
        Optional<String> next = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                ? Optional.of(Attr.string(page.lastEvaluatedKey(), Keys.GSI1_SK)) : Optional.empty();
        return new OpenPage(tasks, next);
    }

    @Override
    public List<TaskRecord> takenBy(WorkPartition partition, String evaluatorId) {
        return dynamoDb.queryPaginator(b -> b.tableName(table).indexName(Keys.GSI1)
                        .keyConditionExpression("gsi1pk = :p")
                        .filterExpression("attribute_exists(takenBy.#me)")
                        .expressionAttributeNames(Map.of("#me", evaluatorId))
                        .expressionAttributeValues(Map.of(":p", Attr.s(Keys.open(partition)))))
                .items().stream().map(DynamoDbTaskRepository::fromItem).toList();
    }

    @Override
    public Optional<TaskRecord> takeSlot(TaskRef ref, int slot, SlotState.Held hold,
                                         Optional<SlotState.Held> replacing, Instant now) {
        String s = slotName(slot);
        Map<String, String> names = new HashMap<>(Map.of("#s", s, "#me", hold.evaluatorId()));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":hold", held(hold), ":k", Attr.n(slot),
                ":n", Attr.s(hold.nonce()), ":me", Attr.s(hold.evaluatorId())));
        String free = "attribute_not_exists(#s)";
        String remove = "";
        if (replacing.isPresent()) {
            // UNTIL is a reserved word in DynamoDB's expressions: a bare #s.until is refused as invalid, every time
            free = "#s.lease = :old AND #s.#until <= :now AND attribute_not_exists(#s.sid)";
            names.put("#until", "until");
            values.put(":old", Attr.s(replacing.get().nonce()));
            values.put(":now", Attr.n(now.toEpochMilli()));
            if (!replacing.get().evaluatorId().equals(hold.evaluatorId())) {
                names.put("#old", replacing.get().evaluatorId());
                remove = " REMOVE takenBy.#old";
            }
        }
        // the second alternative answers a retry of this very write (its first answer lost) as the success it was
        return Conditional.update(dynamoDb, update(ref)
                        .updateExpression("SET #s = :hold, takenBy.#me = :k" + remove)
                        .conditionExpression("(" + free + " AND attribute_not_exists(takenBy.#me) "
                                + "AND attribute_exists(gsi1pk)) OR (#s.lease = :n AND #s.ev = :me)")
                        .expressionAttributeNames(names).expressionAttributeValues(values))
                .map(DynamoDbTaskRepository::fromItem);
    }

    @Override
    public Optional<TaskRecord> extendHold(TaskRef ref, int slot, String nonce, String evaluatorId,
                                           Instant takeableAt, Instant heldPast) {
        return Conditional.update(dynamoDb, update(ref)
                        .updateExpression("SET #s.#until = :u")
                        .conditionExpression("#s.lease = :n AND #s.ev = :me AND #s.#until > :past "
                                + "AND attribute_not_exists(#s.sid)")
                        .expressionAttributeNames(Map.of("#s", slotName(slot), "#until", "until"))
                        .expressionAttributeValues(Map.of(":u", Attr.n(takeableAt.toEpochMilli()),
                                ":n", Attr.s(nonce), ":me", Attr.s(evaluatorId),
                                ":past", Attr.n(heldPast.toEpochMilli()))))
                .map(DynamoDbTaskRepository::fromItem);
    }

    @Override
    public boolean releaseHold(TaskRef ref, int slot, String nonce, String evaluatorId) {
        return Conditional.applied(dynamoDb, update(ref)
                .updateExpression("REMOVE #s, takenBy.#me")
                .conditionExpression("#s.lease = :n AND #s.ev = :me AND attribute_not_exists(#s.sid)")
                .expressionAttributeNames(Map.of("#s", slotName(slot), "#me", evaluatorId))
                .expressionAttributeValues(Map.of(":n", Attr.s(nonce), ":me", Attr.s(evaluatorId))));
    }

    /**
     * One write closes the slot and adds the rater to the set whose size is the rating count; the last slot's write
     * also takes the task out of the open-work index. Which of the two it is depends on the ratings already counted,
     * so the one {@code seen} suggests is tried first and the item decides when both miss.
     */
    @Override
    public boolean closeSlot(TaskRef ref, int slot, String nonce, String evaluatorId, String submissionId,
                             TaskSlots seen) {
        boolean last = seen.ratedBy().size() + 1 >= seen.count();
        if (closeOnce(ref, slot, nonce, evaluatorId, submissionId, seen.count(), last)
                || closeOnce(ref, slot, nonce, evaluatorId, submissionId, seen.count(), !last)) {
            return true;
        }
        for (int reads = 0; reads < 3; reads++) {
            Optional<TaskSlots> now = find(ref).map(TaskRecord::slots);
            if (now.isEmpty() || now.get().ratedBy().contains(evaluatorId)) {
                return now.isPresent();
            }
            if (now.get().held(slot, nonce, evaluatorId).isEmpty()) {
                return false;
            }
            if (closeOnce(ref, slot, nonce, evaluatorId, submissionId, now.get().count(),
                    now.get().ratedBy().size() + 1 >= now.get().count())) {
                return true;
            }
        }
        return false;
    }

    private boolean closeOnce(TaskRef ref, int slot, String nonce, String evaluatorId, String submissionId,
                              int count, boolean last) {
        int before = count - 1;
        if (!last && before == 0) {
            return false;
        }
        String counted = last ? before == 0 ? "attribute_not_exists(ratedBy)" : "size(ratedBy) = :before"
                : "(attribute_not_exists(ratedBy) OR size(ratedBy) < :before)";
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":n", Attr.s(nonce), ":me", Attr.s(evaluatorId),
                ":meSet", AttributeValue.fromSs(List.of(evaluatorId)), ":sid", Attr.s(submissionId)));
        if (before > 0) {
            values.put(":before", Attr.n(before));
        }
        return Conditional.applied(dynamoDb, update(ref)
                .updateExpression("SET #s.sid = :sid ADD ratedBy :meSet" + (last ? " REMOVE gsi1pk, gsi1sk" : ""))
                .conditionExpression("#s.lease = :n AND #s.ev = :me AND NOT contains(ratedBy, :me) AND " + counted)
                .expressionAttributeNames(Map.of("#s", slotName(slot)))
                .expressionAttributeValues(values));
    }

    @Override
    public boolean extend(TaskRef ref, Extension extension, Instant at) {
        AttributeValue recorded = AttributeValue.fromM(Map.of("from", Attr.n(extension.fromRaters()),
                "to", Attr.n(extension.toRaters()), "reasons", Attr.strings(extension.reasons()),
                "at", Attr.s(at.toString())));
        return Conditional.applied(dynamoDb, update(ref)
                .updateExpression("SET ratersPerTask = :to, extensions = list_append(if_not_exists(extensions, "
                        + ":empty), :e)")
                .conditionExpression("#s = :ready AND ratersPerTask = :from")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":to", Attr.n(extension.toRaters()),
                        ":from", Attr.n(extension.fromRaters()), ":e", AttributeValue.fromL(List.of(recorded)),
                        ":empty", AttributeValue.fromL(List.of()), ":ready", Attr.s(TaskStatus.READY.name()))));
    }

    @Override
    public boolean reopen(TaskRef ref, int slots, OpenWork open) {
        return Conditional.applied(dynamoDb, update(ref)
                .updateExpression("SET slotCount = :n, gsi1pk = :open, gsi1sk = :at, "
                        + "takenBy = if_not_exists(takenBy, :none)")
                .conditionExpression("#s = :ready AND attribute_not_exists(gsi1pk) "
                        + "AND (attribute_not_exists(ratedBy) OR size(ratedBy) < :n)")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":n", Attr.n(slots), ":open", Attr.s(Keys.open(open.partition())),
                        ":at", Attr.s(open.position()), ":none", AttributeValue.fromM(Map.of()),
                        ":ready", Attr.s(TaskStatus.READY.name()))));
    }

    @Override
    public boolean promote(TaskRef ref, TaskQuality quality, int slots, OpenWork open) {
        // an open task keeps its place in the index; a closed one opens where the index would put it
        return Conditional.applied(dynamoDb, update(ref)
                .updateExpression("SET #q = :q, ratersPerTask = :n, slotCount = :n, "
                        + "gsi1pk = if_not_exists(gsi1pk, :open), gsi1sk = if_not_exists(gsi1sk, :at), "
                        + "takenBy = if_not_exists(takenBy, :none)")
                .conditionExpression("#s = :ready")
                .expressionAttributeNames(Map.of("#s", "status", "#q", QUALITY))
                .expressionAttributeValues(Map.of(":q", Attr.s(quality.toJson()), ":n", Attr.n(slots),
                        ":open", Attr.s(Keys.open(open.partition())), ":at", Attr.s(open.position()),
                        ":none", AttributeValue.fromM(Map.of()), ":ready", Attr.s(TaskStatus.READY.name()))));
    }

    private UpdateItemRequest.Builder update(TaskRef ref) {
        return UpdateItemRequest.builder().tableName(table).key(key(ref));
    }

    private static String slotName(int slot) {
        return "slot" + slot;
    }

    private static AttributeValue held(SlotState.Held hold) {
        return AttributeValue.fromM(Map.of("ev", Attr.s(hold.evaluatorId()), "lease", Attr.s(hold.nonce()),
                "place", Attr.n(hold.place()), "until", Attr.n(hold.takeableAt().toEpochMilli())));
    }

    private static TaskSlots slots(Map<String, AttributeValue> item) {
        int count = (int) Attr.number(item, "slotCount");
        Map<Integer, SlotState> states = new HashMap<>();
        for (int slot = 0; slot < count; slot++) {
            AttributeValue value = item.get(slotName(slot));
            if (value != null && value.hasM()) {
                Map<String, AttributeValue> m = value.m();
                states.put(slot, m.containsKey("sid")
                        ? new SlotState.Rated(Attr.string(m, "ev"), Attr.string(m, "lease"), Attr.string(m, "sid"))
                        : new SlotState.Held(Attr.string(m, "ev"), Attr.string(m, "lease"),
                                (int) Attr.number(m, "place"), Instant.ofEpochMilli(Attr.number(m, "until"))));
            }
        }
        Set<String> takenBy = item.containsKey("takenBy") && item.get("takenBy").hasM()
                ? item.get("takenBy").m().keySet() : Set.of();
        Set<String> ratedBy = item.containsKey("ratedBy") && item.get("ratedBy").hasSs()
                ? Set.copyOf(item.get("ratedBy").ss()) : Set.of();
        String index = Attr.string(item, Keys.GSI1_PK);
        Optional<OpenWork> open = index.startsWith(Keys.OPEN)
                ? Optional.of(new OpenWork(partition(index.substring(Keys.OPEN.length())),
                        Attr.string(item, Keys.GSI1_SK))) : Optional.empty();
        return new TaskSlots(count, states, takenBy, ratedBy, open);
    }

    private static WorkPartition partition(String name) {
        int hash = name.lastIndexOf('#');
        return new WorkPartition(WorkClass.valueOf(name.substring(0, hash)),
                Integer.parseInt(name.substring(hash + 1)));
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
        item.put(QUALITY, Attr.s(task.quality().toJson()));
        return item;
    }

    private static TaskRecord fromItem(Map<String, AttributeValue> item) {
        return new TaskRecord(new TaskRef(Attr.string(item, "batchId"), Attr.string(item, "taskId")),
                Attr.string(item, "instruction"), Attr.optionalString(item, "category"),
                Attr.string(item, "sourceKey"), Attr.json(item, "outputs", OUTPUTS),
                (int) Attr.number(item, "ratersPerTask"), Attr.string(item, "rubricId"),
                TaskStatus.valueOf(Attr.string(item, "status")), Attr.optionalString(item, "failure"),
                Attr.optionalJson(item, "previews", TaskPreviews.class), slots(item),
                Attr.optionalString(item, QUALITY).map(TaskQuality::fromJson).orElseGet(TaskQuality::regular));
    }
}
