package dev.editeval.app.aws;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** A conditional update whose failed condition is an answer, not an error. */
final class Conditional {

    private Conditional() {
    }

    /** The item as it is after the write, or empty when the condition failed. */
    static Optional<Map<String, AttributeValue>> update(DynamoDbClient dynamoDb, UpdateItemRequest.Builder request) {
        try {
            return Optional.of(dynamoDb.updateItem(request.returnValues(ReturnValue.ALL_NEW).build()).attributes());
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    static boolean applied(DynamoDbClient dynamoDb, UpdateItemRequest.Builder request) {
        try {
            dynamoDb.updateItem(request.build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
