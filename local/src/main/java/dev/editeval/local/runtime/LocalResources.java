package dev.editeval.local.runtime;

import dev.editeval.app.runtime.AwsClients;
import dev.editeval.domain.topology.IndexSpec;
import dev.editeval.domain.topology.QueueSpec;
import dev.editeval.domain.topology.TableSpec;
import dev.editeval.domain.topology.Topology;
import dev.editeval.local.standins.TableWaiter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the bucket, queues and table from {@link Topology}, as the CDK stack does in AWS; creating what exists
 * changes nothing, so every start can run it.
 */
public final class LocalResources {

    /** Queue URLs by queue name. */
    private final Map<String, String> queueUrls = new HashMap<>();

    private LocalResources() {
    }

    public static LocalResources create(AwsClients clients) {
        LocalResources resources = new LocalResources();
        try {
            clients.s3().createBucket(b -> b.bucket(Topology.BUCKET));
        } catch (BucketAlreadyOwnedByYouException e) {
            // there from the last run
        }
        for (QueueSpec queue : Topology.QUEUES) {
            resources.queueUrls.put(queue.name(), createQueue(clients.sqs(), queue));
        }
        createTable(clients.dynamoDb(), Topology.TABLE);
        return resources;
    }

    public String queueUrl(QueueSpec queue) {
        return queueUrls.get(queue.name());
    }

    private static String createQueue(SqsClient sqs, QueueSpec queue) {
        String dlqUrl = sqs.createQueue(b -> b.queueName(queue.deadLetterName()).attributes(Map.of(
                QueueAttributeName.MESSAGE_RETENTION_PERIOD,
                retention()))).queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String redrive = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\""
                + queue.maxReceiveCount() + "\"}";
        return sqs.createQueue(b -> b.queueName(queue.name()).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(queue.visibilityTimeoutSeconds()),
                QueueAttributeName.MESSAGE_RETENTION_PERIOD, retention(),
                QueueAttributeName.REDRIVE_POLICY, redrive))).queueUrl();
    }

    private static String retention() {
        return Long.toString(Duration.ofDays(QueueSpec.RETENTION_DAYS).toSeconds());
    }

    private static void createTable(DynamoDbClient dynamoDb, TableSpec table) {
        try {
            dynamoDb.describeTable(b -> b.tableName(table.name()));
            return;
        } catch (ResourceNotFoundException e) {
            // first start: create it below
        }
        Map<String, AttributeDefinition> attributes = new HashMap<>();
        attributes.put(table.partitionKey(), stringAttribute(table.partitionKey()));
        attributes.put(table.sortKey(), stringAttribute(table.sortKey()));
        for (IndexSpec index : table.indexes()) {
            attributes.put(index.partitionKey(), stringAttribute(index.partitionKey()));
            attributes.put(index.sortKey(), stringAttribute(index.sortKey()));
        }
        dynamoDb.createTable(b -> b.tableName(table.name()).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes.values())
                .keySchema(key(table.partitionKey(), KeyType.HASH), key(table.sortKey(), KeyType.RANGE))
                .globalSecondaryIndexes(table.indexes().stream().map(index -> GlobalSecondaryIndex.builder()
                        .indexName(index.name())
                        .keySchema(key(index.partitionKey(), KeyType.HASH), key(index.sortKey(), KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build()).toList()));
        TableWaiter.awaitActive(dynamoDb, table.name());
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
