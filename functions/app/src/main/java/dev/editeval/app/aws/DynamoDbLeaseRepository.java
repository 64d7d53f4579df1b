package dev.editeval.app.aws;

import dev.editeval.domain.model.Lease;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.ports.LeaseRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Lease items: pk {@code TASK#batch/task}, sk {@code LEASE#evaluator}: one live lease per evaluator and task. */
public final class DynamoDbLeaseRepository implements LeaseRepository {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbLeaseRepository(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(TaskRef task, String evaluatorId) {
        return Keys.of(Keys.task(task), "LEASE#" + evaluatorId);
    }

    @Override
    public boolean create(Lease lease, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(lease.task(), lease.evaluatorId()));
        item.put("leaseId", Attr.s(lease.leaseId()));
        item.put("batchId", Attr.s(lease.task().batchId()));
        item.put("taskId", Attr.s(lease.task().taskId()));
        item.put("evaluatorId", Attr.s(lease.evaluatorId()));
        item.put("receiptHandle", Attr.s(lease.receiptHandle()));
        item.put("createdAt", Attr.n(lease.createdAt().toEpochMilli()));
        item.put("expiresAt", Attr.n(lease.expiresAt().toEpochMilli()));
        item.put("outputOrder", Attr.strings(lease.outputOrder()));
        return LivePuts.putUnlessLive(dynamoDb, table, item, now);
    }

    @Override
    public Optional<Lease> find(TaskRef task, String evaluatorId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).key(key(task, evaluatorId))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Lease(Attr.string(item, "leaseId"), task, evaluatorId,
                Attr.string(item, "receiptHandle"), Instant.ofEpochMilli(Attr.number(item, "createdAt")),
                Instant.ofEpochMilli(Attr.number(item, "expiresAt")), Attr.strings(item, "outputOrder")));
    }

    @Override
    public boolean extend(TaskRef task, String evaluatorId, String leaseId, Instant expiresAt, Instant now) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(task, evaluatorId))
                    .updateExpression("SET expiresAt = :e")
                    .conditionExpression("leaseId = :l AND expiresAt > :now")
                    .expressionAttributeValues(Map.of(":e", Attr.n(expiresAt.toEpochMilli()),
                            ":l", Attr.s(leaseId), ":now", Attr.n(now.toEpochMilli()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void delete(TaskRef task, String evaluatorId) {
        dynamoDb.deleteItem(b -> b.tableName(table).key(key(task, evaluatorId)));
    }
}
