package dev.editeval.local.standins;

import java.time.Duration;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SDK v2 clients pointed at the stand-ins, sharing one url-connection HTTP client (the one the functions use), built
 * once and closed together.
 */
public final class LocalAwsClients implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Above SQS's longest receive wait (20 s), so a long poll is never cut off by the socket. */
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(60);
    /** dynalite turns a table ACTIVE milliseconds after CreateTable, not the minutes the SDK's default waits for. */
    private static final Duration WAITER_POLL = Duration.ofMillis(50);
    private static final Duration WAITER_TIMEOUT = Duration.ofSeconds(10);

    private final SdkHttpClient httpClient;
    private final S3Client s3;
    private final S3Presigner s3Presigner;
    private final SqsClient sqs;
    private final DynamoDbClient dynamoDb;
    private final DynamoDbWaiter dynamoDbWaiter;

    private LocalAwsClients(StandInEndpoints endpoints) {
        httpClient = UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT)
                .build();
        var overrides = ClientOverrideConfiguration.builder().apiCallTimeout(API_CALL_TIMEOUT).build();
        // S3Proxy serves buckets by path (http://127.0.0.1:port/bucket/key); 127.0.0.1 has no bucket subdomains
        var s3Configuration = S3Configuration.builder().pathStyleAccessEnabled(true).build();
        s3 = S3Client.builder()
                .endpointOverride(endpoints.s3())
                .region(endpoints.region())
                .credentialsProvider(endpoints.credentials())
                .serviceConfiguration(s3Configuration)
                .httpClient(httpClient)
                .overrideConfiguration(overrides)
                .build();
        s3Presigner = S3Presigner.builder()
                .endpointOverride(endpoints.s3())
                .region(endpoints.region())
                .credentialsProvider(endpoints.credentials())
                .serviceConfiguration(s3Configuration)
                .build();
        sqs = SqsClient.builder()
                .endpointOverride(endpoints.sqs())
                .region(endpoints.region())
                .credentialsProvider(endpoints.credentials())
                .httpClient(httpClient)
                .overrideConfiguration(overrides)
                .build();
        dynamoDb = DynamoDbClient.builder()
                .endpointOverride(endpoints.dynamoDb())
                .region(endpoints.region())
                .credentialsProvider(endpoints.credentials())
                .httpClient(httpClient)
                .overrideConfiguration(overrides)
                .build();
        dynamoDbWaiter = DynamoDbWaiter.builder()
                .client(dynamoDb)
                .overrideConfiguration(waiter -> waiter
                        .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(WAITER_POLL))
                        .waitTimeout(WAITER_TIMEOUT))
                .build();
    }

    public static LocalAwsClients create(StandInEndpoints endpoints) {
        return new LocalAwsClients(endpoints);
    }

    public S3Client s3() {
        return s3;
    }

    /** Presigned URLs carry the stand-in's address, so a browser on this machine can load them as they are. */
    public S3Presigner s3Presigner() {
        return s3Presigner;
    }

    public SqsClient sqs() {
        return sqs;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    /**
     * Waits for tables the way real code must (CreateTable answers CREATING, even from dynalite), polling at the
     * stand-in's pace: {@code dynamoDbWaiter().waitUntilTableExists(table -> table.tableName(name))}.
     */
    public DynamoDbWaiter dynamoDbWaiter() {
        return dynamoDbWaiter;
    }

    @Override
    public void close() {
        s3.close();
        s3Presigner.close();
        sqs.close();
        dynamoDbWaiter.close();
        dynamoDb.close();
        // a client never closes an HTTP client it was handed
        httpClient.close();
    }
}
