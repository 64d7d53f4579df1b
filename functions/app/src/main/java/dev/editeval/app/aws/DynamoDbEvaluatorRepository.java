package dev.editeval.app.aws;

import dev.editeval.domain.ports.EvaluatorRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The evaluator's partition {@code EVALUATOR#id}: lease places {@code PLACE#n} (the cap), day tallies
 * {@code DAY#yyyy-mm-dd}, and the profile {@code PROFILE}, listed through gsi1 under {@code EVALUATORS}.
 */
public final class DynamoDbEvaluatorRepository implements EvaluatorRepository {

    private static final String PROFILE = "PROFILE";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbEvaluatorRepository(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    private static String pk(String evaluatorId) {
        return "EVALUATOR#" + evaluatorId;
    }

    @Override
    public boolean takePlace(String evaluatorId, int cap, String leaseId, Instant expiresAt, Instant now) {
        for (int number = 0; number < cap; number++) {
            Map<String, AttributeValue> item = Map.of(Keys.PK, Attr.s(pk(evaluatorId)),
                    Keys.SK, Attr.s("PLACE#" + number), "leaseId", Attr.s(leaseId),
                    "expiresAt", Attr.n(expiresAt.toEpochMilli()));
            if (LivePuts.putUnlessLive(dynamoDb, table, item, now)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<Place> places(String evaluatorId) {
        return placeItems(evaluatorId).stream().map(item -> new Place(Attr.string(item, "leaseId"),
                Instant.ofEpochMilli(Attr.number(item, "expiresAt")))).toList();
    }

    private List<Map<String, AttributeValue>> placeItems(String evaluatorId) {
        return dynamoDb.query(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :p AND begins_with(sk, :s)")
                .expressionAttributeValues(Map.of(":p", Attr.s(pk(evaluatorId)), ":s", Attr.s("PLACE#")))).items();
    }

    @Override
    public void movePlace(String evaluatorId, String leaseId, Instant expiresAt) {
        placeOf(evaluatorId, leaseId).ifPresent(sk -> ifStillHeld(() -> dynamoDb.updateItem(b -> b.tableName(table)
                .key(Keys.of(pk(evaluatorId), sk)).updateExpression("SET expiresAt = :e")
                .conditionExpression("leaseId = :l")
                .expressionAttributeValues(Map.of(":e", Attr.n(expiresAt.toEpochMilli()), ":l", Attr.s(leaseId))))));
    }

    @Override
    public void freePlace(String evaluatorId, String leaseId) {
        placeOf(evaluatorId, leaseId).ifPresent(sk -> ifStillHeld(() -> dynamoDb.deleteItem(b -> b.tableName(table)
                .key(Keys.of(pk(evaluatorId), sk)).conditionExpression("leaseId = :l")
                .expressionAttributeValues(Map.of(":l", Attr.s(leaseId))))));
    }

    private Optional<String> placeOf(String evaluatorId, String leaseId) {
        return placeItems(evaluatorId).stream().filter(item -> Attr.string(item, "leaseId").equals(leaseId))
                .map(item -> Attr.string(item, Keys.SK)).findFirst();
    }

    /** A place taken over by a newer lease since it was read is that lease's now: leave it. */
    private static void ifStillHeld(Runnable write) {
        try {
            write.run();
        } catch (ConditionalCheckFailedException e) {
            // the newer lease keeps its place
        }
    }

    @Override
    public void seen(String evaluatorId, String name, Instant at) {
        dynamoDb.updateItem(b -> b.tableName(table).key(Keys.of(pk(evaluatorId), PROFILE))
                .updateExpression("SET #n = :n, lastSeen = :t, evaluatorId = :id, gsi1pk = :g, gsi1sk = :id")
                .expressionAttributeNames(Map.of("#n", "name"))
                .expressionAttributeValues(Map.of(":n", Attr.s(name), ":t", Attr.s(at.toString()),
                        ":id", Attr.s(evaluatorId), ":g", Attr.s("EVALUATORS"))));
    }

    @Override
    public void recordRating(String evaluatorId, LocalDate day, long timeOnTaskMs, Instant at) {
        dynamoDb.updateItem(b -> b.tableName(table).key(Keys.of(pk(evaluatorId), PROFILE))
                .updateExpression("ADD ratings :one SET lastSeen = :t, evaluatorId = :id, gsi1pk = :g, gsi1sk = :id")
                .expressionAttributeValues(Map.of(":one", Attr.n(1), ":t", Attr.s(at.toString()),
                        ":id", Attr.s(evaluatorId), ":g", Attr.s("EVALUATORS"))));
        dynamoDb.updateItem(b -> b.tableName(table).key(Keys.of(pk(evaluatorId), "DAY#" + day))
                .updateExpression("ADD rated :one SET times = list_append(if_not_exists(times, :none), :time)")
                .expressionAttributeValues(Map.of(":one", Attr.n(1), ":none", AttributeValue.fromL(List.of()),
                        ":time", AttributeValue.fromL(List.of(Attr.n(timeOnTaskMs))))));
    }

    @Override
    public DayTally day(String evaluatorId, LocalDate day) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                .key(Keys.of(pk(evaluatorId), "DAY#" + day))).item();
        if (item == null || item.isEmpty()) {
            return new DayTally(0, List.of());
        }
        List<Long> times = item.containsKey("times")
                ? item.get("times").l().stream().map(v -> Long.parseLong(v.n())).toList() : List.of();
        return new DayTally((int) Attr.number(item, "rated"), times);
    }

    @Override
    public List<Profile> list() {
        return dynamoDb.queryPaginator(b -> b.tableName(table).indexName(Keys.GSI1)
                        .keyConditionExpression("gsi1pk = :p")
                        .expressionAttributeValues(Map.of(":p", Attr.s("EVALUATORS"))))
                .items().stream().map(item -> new Profile(Attr.string(item, "evaluatorId"),
                        Attr.string(item, "name"), (int) Attr.number(item, "ratings"),
                        Attr.optionalString(item, "lastSeen").map(Instant::parse))).toList();
    }
}
