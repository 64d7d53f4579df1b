package dev.editeval.app.aws;

import dev.editeval.domain.ports.EvaluatorRepository;
import dev.editeval.domain.quality.Exclusion;
import dev.editeval.domain.quality.RecentRating;
import dev.editeval.domain.quality.Standing;
import dev.editeval.domain.quality.StandingCodec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The evaluator's desk, one item {@code EVALUATOR#id} / {@code PROFILE}: lease places {@code place0}, {@code place1}
 * (the cap), {@code cursors} by partition, the times on task of each day in {@code days}, and the profile (name,
 * ratings, last seen), listed through gsi1 under {@code EVALUATORS}. One item, so that the submit's gate frees the
 * place, moves the cursor and counts the rating in one conditional write.
 */
public final class DynamoDbEvaluatorRepository implements EvaluatorRepository {

    private static final String PROFILE = "PROFILE";
    private static final String EVALUATORS = "EVALUATORS";
    /** On the desk item, so the write that takes a lease place also reads whether an admin stopped the evaluator. */
    private static final String STOPPED = "stopped";
    /** The standing's core ({@link StandingCodec}) and its version, replaced on condition of the version. */
    private static final String STANDING = "standing";
    private static final String STANDING_VERSION = "standingVersion";
    /** The window of latest ratings, by submission id, each written by its settle. */
    private static final String RECENT = "recent";
    private static final String GOLD_SEEN = "goldSeen";
    /** A lead's exclusion of the evaluator's ratings from the aggregation ({@link Exclusion#toJson}). */
    private static final String EXCLUSION = "exclusion";
    /** Days before today whose times a settle drops, so the desk stays small; only today's are ever shown. */
    private static final int DAYS_KEPT_BEHIND = 7;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbEvaluatorRepository(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    private UpdateItemRequest.Builder update(String evaluatorId) {
        return UpdateItemRequest.builder().tableName(table).key(Keys.of("EVALUATOR#" + evaluatorId, PROFILE));
    }

    private static String place(int number) {
        return "place" + number;
    }

    @Override
    public Optional<Desk> takePlace(String evaluatorId, int place, String nonce, Instant expiresAt, Instant now) {
        // the last alternative answers a retry of this very write (its first answer lost) as the success it was
        return Conditional.update(dynamoDb, update(evaluatorId)
                        .updateExpression("SET #p = :place, evaluatorId = :id, gsi1pk = :g, gsi1sk = :id, "
                                + "cursors = if_not_exists(cursors, :none), days = if_not_exists(days, :none), "
                                + "recent = if_not_exists(recent, :none)")
                        .conditionExpression("attribute_not_exists(#p) OR #p.#until <= :now OR #p.nonce = :n")
                        .expressionAttributeNames(Map.of("#p", place(place), "#until", "until"))
                        .expressionAttributeValues(Map.of(":place", placeValue(nonce, expiresAt),
                                ":id", Attr.s(evaluatorId), ":g", Attr.s(EVALUATORS),
                                ":none", AttributeValue.fromM(Map.of()), ":now", Attr.n(now.toEpochMilli()),
                                ":n", Attr.s(nonce))))
                .map(item -> desk(evaluatorId, item));
    }

    private static AttributeValue placeValue(String nonce, Instant expiresAt) {
        return AttributeValue.fromM(Map.of("nonce", Attr.s(nonce), "until", Attr.n(expiresAt.toEpochMilli())));
    }

    @Override
    public Optional<Desk> settle(String evaluatorId, int place, String nonce, Instant now, String partition,
                                 String position, Counted counted, Optional<RecentRating> rating) {
        Map<String, String> names = new HashMap<>(Map.of("#p", place(place), "#until", "until", "#c", partition,
                "#d", counted.day().toString()));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":at", Attr.s(position),
                ":t", Attr.s(now.toString()), ":empty", AttributeValue.fromL(List.of()),
                ":time", AttributeValue.fromL(List.of(Attr.n(counted.timeOnTaskMs()))), ":one", Attr.n(1),
                ":n", Attr.s(nonce), ":now", Attr.n(now.toEpochMilli()),
                ":g", Attr.n(rating.filter(r -> r.goldChecks() > 0).isPresent() ? 1 : 0)));
        rating.ifPresent(r -> {
            names.put("#sid", r.submissionId());
            values.put(":r", entry(r, now));
        });
        StringBuilder dropped = new StringBuilder();
        for (int behind = 1; behind <= DAYS_KEPT_BEHIND; behind++) {
            names.put("#o" + behind, counted.day().minusDays(behind).toString());
            dropped.append(", days.#o").append(behind);
        }
        return Conditional.update(dynamoDb, update(evaluatorId)
                .updateExpression("REMOVE #p" + dropped + " SET cursors.#c = :at, lastSeen = :t, "
                        + "days.#d = list_append(if_not_exists(days.#d, :empty), :time)"
                        + (rating.isPresent() ? ", recent.#sid = :r" : "") + " ADD ratings :one, goldSeen :g")
                .conditionExpression("#p.nonce = :n AND #p.#until > :now")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values))
                .map(item -> desk(evaluatorId, item));
    }

    private static AttributeValue entry(RecentRating rating, Instant at) {
        return AttributeValue.fromM(Map.of("at", Attr.n(at.toEpochMilli()), "gc", Attr.n(rating.goldChecks()),
                "gh", Attr.n(rating.goldHits()), "fast", Attr.bool(rating.tooFast()),
                "flat", Attr.bool(rating.straightLine())));
    }

    /** The window oldest first: by the time each rating was settled, then by its id. */
    private static List<RecentRating> window(Map<String, AttributeValue> item) {
        AttributeValue recent = item.get(RECENT);
        if (recent == null || !recent.hasM()) {
            return List.of();
        }
        return recent.m().entrySet().stream().filter(e -> e.getValue().hasM())
                .sorted(Comparator.<Map.Entry<String, AttributeValue>>comparingLong(e -> Attr.number(e.getValue().m(),
                        "at")).thenComparing(Map.Entry::getKey))
                .map(e -> new RecentRating(e.getKey(), (int) Attr.number(e.getValue().m(), "gc"),
                        (int) Attr.number(e.getValue().m(), "gh"), Attr.bool(e.getValue().m(), "fast"),
                        Attr.bool(e.getValue().m(), "flat"))).toList();
    }

    @Override
    public boolean saveStanding(String evaluatorId, Standing standing) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":s", Attr.s(StandingCodec.coreJson(standing)),
                ":next", Attr.n(standing.version() + 1), ":id", Attr.s(evaluatorId), ":g", Attr.s(EVALUATORS)));
        if (standing.version() > 0) {
            values.put(":v", Attr.n(standing.version()));
        }
        return Conditional.applied(dynamoDb, update(evaluatorId)
                .updateExpression("SET #s = :s, #v = :next, evaluatorId = :id, gsi1pk = :g, gsi1sk = :id")
                .conditionExpression(standing.version() > 0 ? "#v = :v" : "attribute_not_exists(#v)")
                .expressionAttributeNames(Map.of("#s", STANDING, "#v", STANDING_VERSION))
                .expressionAttributeValues(values));
    }

    @Override
    public void forget(String evaluatorId, List<String> submissionIds) {
        if (submissionIds.isEmpty()) {
            return;
        }
        Map<String, String> names = new HashMap<>();
        StringBuilder remove = new StringBuilder("REMOVE ");
        for (int i = 0; i < submissionIds.size(); i++) {
            names.put("#f" + i, submissionIds.get(i));
            remove.append(i == 0 ? "" : ", ").append("recent.#f").append(i);
        }
        Conditional.applied(dynamoDb, update(evaluatorId).updateExpression(remove.toString())
                .conditionExpression("attribute_exists(recent)").expressionAttributeNames(names));
    }

    @Override
    public boolean freePlace(String evaluatorId, int place, String nonce,
                             Optional<Map.Entry<String, String>> cursor) {
        Map<String, String> names = new HashMap<>(Map.of("#p", place(place)));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":n", Attr.s(nonce)));
        cursor.ifPresent(c -> {
            names.put("#c", c.getKey());
            values.put(":at", Attr.s(c.getValue()));
        });
        return Conditional.applied(dynamoDb, update(evaluatorId)
                .updateExpression("REMOVE #p" + (cursor.isPresent() ? " SET cursors.#c = :at" : ""))
                .conditionExpression("#p.nonce = :n")
                .expressionAttributeNames(names).expressionAttributeValues(values));
    }

    @Override
    public boolean movePlace(String evaluatorId, int place, String nonce, Instant expiresAt) {
        return Conditional.applied(dynamoDb, update(evaluatorId)
                .updateExpression("SET #p.#until = :u")
                .conditionExpression("#p.nonce = :n")
                .expressionAttributeNames(Map.of("#p", place(place), "#until", "until"))
                .expressionAttributeValues(Map.of(":u", Attr.n(expiresAt.toEpochMilli()), ":n", Attr.s(nonce))));
    }

    @Override
    public Desk desk(String evaluatorId) {
        return desk(evaluatorId, item(evaluatorId, true));
    }

    private Map<String, AttributeValue> item(String evaluatorId, boolean consistent) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                .key(Keys.of("EVALUATOR#" + evaluatorId, PROFILE)).consistentRead(consistent)).item();
        return item == null ? Map.of() : item;
    }

    private static Desk desk(String evaluatorId, Map<String, AttributeValue> item) {
        Map<Integer, Place> places = new HashMap<>();
        item.forEach((name, value) -> {
            if (name.startsWith("place") && value.hasM()) {
                places.put(Integer.parseInt(name.substring("place".length())), new Place(
                        Attr.string(value.m(), "nonce"), Instant.ofEpochMilli(Attr.number(value.m(), "until"))));
            }
        });
        Map<String, String> cursors = new HashMap<>();
        if (item.containsKey("cursors") && item.get("cursors").hasM()) {
            item.get("cursors").m().forEach((partition, position) -> cursors.put(partition, position.s()));
        }
        Standing stored = StandingCodec.of(Attr.optionalString(item, STANDING).orElse(""),
                item.containsKey(STANDING_VERSION) ? Attr.number(item, STANDING_VERSION) : 0, window(item),
                item.containsKey(GOLD_SEEN) ? (int) Attr.number(item, GOLD_SEEN) : 0);
        return new Desk(evaluatorId, places, cursors, stopped(item), stored);
    }

    private static Optional<Stop> stopped(Map<String, AttributeValue> item) {
        AttributeValue value = item.get(STOPPED);
        return value == null || !value.hasM() ? Optional.empty() : Optional.of(new Stop(Attr.string(value.m(), "code"),
                Attr.string(value.m(), "reason"), Instant.parse(Attr.string(value.m(), "at"))));
    }

    @Override
    public void stop(String evaluatorId, Stop stop) {
        dynamoDb.updateItem(update(evaluatorId)
                .updateExpression("SET #s = :s, evaluatorId = :id, gsi1pk = :g, gsi1sk = :id")
                .expressionAttributeNames(Map.of("#s", STOPPED))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromM(Map.of("code", Attr.s(stop.code()),
                                "reason", Attr.s(stop.reason()), "at", Attr.s(stop.at().toString()))),
                        ":id", Attr.s(evaluatorId), ":g", Attr.s(EVALUATORS))).build());
    }

    @Override
    public void resume(String evaluatorId) {
        dynamoDb.updateItem(update(evaluatorId).updateExpression("REMOVE #s SET recent = :none")
                .expressionAttributeNames(Map.of("#s", STOPPED))
                .expressionAttributeValues(Map.of(":none", AttributeValue.fromM(Map.of()))).build());
    }

    @Override
    public void seen(String evaluatorId, String name, Instant at) {
        dynamoDb.updateItem(update(evaluatorId)
                .updateExpression("SET #n = :n, lastSeen = :t, evaluatorId = :id, gsi1pk = :g, gsi1sk = :id")
                .expressionAttributeNames(Map.of("#n", "name"))
                .expressionAttributeValues(Map.of(":n", Attr.s(name), ":t", Attr.s(at.toString()),
                        ":id", Attr.s(evaluatorId), ":g", Attr.s(EVALUATORS))).build());
    }

    @Override
    public void exclude(Exclusion exclusion) {
        // listed under EVALUATORS too, so the night that reads the exclusions finds an evaluator never seen on the page
        dynamoDb.updateItem(update(exclusion.evaluatorId())
                .updateExpression("SET #x = :x, evaluatorId = :id, gsi1pk = :g, gsi1sk = :id")
                .expressionAttributeNames(Map.of("#x", EXCLUSION))
                .expressionAttributeValues(Map.of(":x", Attr.s(exclusion.toJson()),
                        ":id", Attr.s(exclusion.evaluatorId()), ":g", Attr.s(EVALUATORS))).build());
    }

    @Override
    public void include(String evaluatorId) {
        dynamoDb.updateItem(update(evaluatorId).updateExpression("REMOVE #x")
                .expressionAttributeNames(Map.of("#x", EXCLUSION)).build());
    }

    @Override
    public DayTally day(String evaluatorId, LocalDate day) {
        Map<String, AttributeValue> item = item(evaluatorId, false);
        AttributeValue days = item.get("days");
        AttributeValue times = days == null || !days.hasM() ? null : days.m().get(day.toString());
        List<Long> list = times == null || !times.hasL() ? List.of()
                : times.l().stream().map(v -> Long.parseLong(v.n())).toList();
        return new DayTally(list.size(), list);
    }

    @Override
    public List<Profile> list() {
        return dynamoDb.queryPaginator(b -> b.tableName(table).indexName(Keys.GSI1)
                        .keyConditionExpression("gsi1pk = :p")
                        .expressionAttributeValues(Map.of(":p", Attr.s(EVALUATORS))))
                .items().stream().map(item -> new Profile(Attr.string(item, "evaluatorId"),
                        Attr.string(item, "name"), (int) Attr.number(item, "ratings"),
                        Attr.optionalString(item, "lastSeen").map(Instant::parse), stopped(item),
                        desk(Attr.string(item, "evaluatorId"), item).standing(),
                        Attr.optionalString(item, EXCLUSION).map(json -> Exclusion.fromJson(
                                Attr.string(item, "evaluatorId"), json)), ratedPerDay(item))).toList();
    }

    /** The day tallies' counts: each day's list of times on task holds one entry per rating counted. */
    private static Map<LocalDate, Integer> ratedPerDay(Map<String, AttributeValue> item) {
        AttributeValue days = item.get("days");
        Map<LocalDate, Integer> counts = new HashMap<>();
        if (days != null && days.hasM()) {
            days.m().forEach((day, times) -> counts.put(LocalDate.parse(day), times.hasL() ? times.l().size() : 0));
        }
        return counts;
    }
}
