package dev.editeval.app.runtime;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * The one place AWS clients are built: one HTTP client, call timeouts, one retry strategy, and the standard
 * {@code AWS_ENDPOINT_URL_*} variables respected, which is how the local runtime and the tests point them elsewhere.
 * Each client is built on first use, so a function pays only for the clients it uses.
 *
 * <p>Retries: the SDK's standard strategy (AWS's retryable errors and throttling, a token bucket that stops retrying
 * when most calls fail), set here rather than left to each service's default (DynamoDB's legacy default makes nine
 * attempts): {@value #MAX_ATTEMPTS} attempts, full-jitter exponential backoff from {@link #BACKOFF_BASE} to
 * {@link #BACKOFF_MAX}, and from {@link #THROTTLED_BASE} to {@link #THROTTLED_MAX} when throttled. The call timeout
 * bounds all attempts together, so a Lambda never waits on one call longer than {@link #CALL_TIMEOUT}; every write the
 * functions retry is conditional or idempotent (issue 13 item 3), so a retried write that had applied changes nothing.
 */
public final class AwsClients implements AutoCloseable {

    /** The SDKs' standard variables for an endpoint per service, as the AWS CLI reads them too. */
    public static final String S3_ENDPOINT = "AWS_ENDPOINT_URL_S3";
    public static final String SQS_ENDPOINT = "AWS_ENDPOINT_URL_SQS";
    public static final String DYNAMODB_ENDPOINT = "AWS_ENDPOINT_URL_DYNAMODB";
    public static final String LAMBDA_ENDPOINT = "AWS_ENDPOINT_URL_LAMBDA";
    /** The services the local runtime stands in for, whose endpoints the environment may point elsewhere. */
    public static final List<String> STAND_IN_ENDPOINTS = List.of(S3_ENDPOINT, SQS_ENDPOINT, DYNAMODB_ENDPOINT);

    static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(8);
    /** The first attempt and up to three retries: one more than the SDK's standard, for the conditional writes. */
    static final int MAX_ATTEMPTS = 4;
    static final Duration BACKOFF_BASE = Duration.ofMillis(50);
    static final Duration BACKOFF_MAX = Duration.ofSeconds(1);
    static final Duration THROTTLED_BASE = Duration.ofMillis(500);
    static final Duration THROTTLED_MAX = Duration.ofSeconds(5);

    private final Map<String, String> env;
    private final List<ExecutionInterceptor> dynamoDbInterceptors;
    private final SdkHttpClient http;
    private S3Client s3;
    private S3Presigner presigner;
    private SqsClient sqs;
    private DynamoDbClient dynamoDb;
    private LambdaClient lambda;

    private AwsClients(Map<String, String> env, List<ExecutionInterceptor> dynamoDbInterceptors) {
        this.env = Map.copyOf(env);
        this.dynamoDbInterceptors = List.copyOf(dynamoDbInterceptors);
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(3))
                .socketTimeout(Duration.ofSeconds(15))
                .build();
    }

    public static AwsClients fromEnv(Map<String, String> env) {
        return new AwsClients(env, List.of());
    }

    /**
     * With interceptors on every DynamoDB call: how the local runtime's tests and bench count round trips and inject
     * faults (a failed call, an answer lost after the write applied) between the functions and the table.
     */
    public static AwsClients fromEnv(Map<String, String> env, List<ExecutionInterceptor> dynamoDbInterceptors) {
        return new AwsClients(env, dynamoDbInterceptors);
    }

    public synchronized S3Client s3() {
        if (s3 == null) {
            S3ClientBuilder builder = S3Client.builder().serviceConfiguration(s3Configuration())
                    // S3-compatible servers reject the newer default checksums; AWS accepts either
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED);
            s3 = configure(builder, S3_ENDPOINT).build();
        }
        return s3;
    }

    public synchronized S3Presigner presigner() {
        if (presigner == null) {
            S3Presigner.Builder builder = S3Presigner.builder().serviceConfiguration(s3Configuration());
            endpoint(S3_ENDPOINT).ifPresent(builder::endpointOverride);
            region().ifPresent(builder::region);
            credentials().ifPresent(builder::credentialsProvider);
            presigner = builder.build();
        }
        return presigner;
    }

    public synchronized SqsClient sqs() {
        if (sqs == null) {
            sqs = configure(SqsClient.builder(), SQS_ENDPOINT).build();
        }
        return sqs;
    }

    /** For the one call the API makes to another function: an asynchronous invoke of the aggregation. */
    public synchronized LambdaClient lambda() {
        if (lambda == null) {
            lambda = configure(LambdaClient.builder(), LAMBDA_ENDPOINT).build();
        }
        return lambda;
    }

    public synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = configure(DynamoDbClient.builder(), DYNAMODB_ENDPOINT)
                    .overrideConfiguration(timeouts().toBuilder().executionInterceptors(dynamoDbInterceptors).build())
                    .build();
        }
        return dynamoDb;
    }

    private <B extends AwsSyncClientBuilder<B, ?> & AwsClientBuilder<B, ?>> B configure(B builder, String endpointVar) {
        builder.httpClient(http);
        builder.overrideConfiguration(timeouts());
        endpoint(endpointVar).ifPresent(builder::endpointOverride);
        region().ifPresent(builder::region);
        credentials().ifPresent(builder::credentialsProvider);
        return builder;
    }

    private Optional<URI> endpoint(String variable) {
        return value(variable).or(() -> value("AWS_ENDPOINT_URL")).map(URI::create);
    }

    private Optional<Region> region() {
        return value("AWS_REGION").or(() -> value("AWS_DEFAULT_REGION")).map(Region::of);
    }

    /** Keys given in the map win (the local runtime passes its own); otherwise the SDK's default chain. */
    private Optional<AwsCredentialsProvider> credentials() {
        Optional<String> key = value("AWS_ACCESS_KEY_ID");
        Optional<String> secret = value("AWS_SECRET_ACCESS_KEY");
        if (key.isEmpty() || secret.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> token = value("AWS_SESSION_TOKEN");
        return Optional.of(StaticCredentialsProvider.create(token.isPresent()
                ? AwsSessionCredentials.create(key.get(), secret.get(), token.get())
                : AwsBasicCredentials.create(key.get(), secret.get())));
    }

    private Optional<String> value(String variable) {
        return Optional.ofNullable(env.get(variable)).filter(v -> !v.isBlank());
    }

    /** A custom endpoint is an S3-compatible server on an address, where bucket host names do not resolve. */
    private S3Configuration s3Configuration() {
        return S3Configuration.builder().pathStyleAccessEnabled(endpoint(S3_ENDPOINT).isPresent()).build();
    }

    private static ClientOverrideConfiguration timeouts() {
        return ClientOverrideConfiguration.builder()
                .apiCallTimeout(CALL_TIMEOUT)
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .retryStrategy(retryStrategy())
                .build();
    }

    /** The one retry strategy of every client built here (the class comment says why these numbers). */
    static RetryStrategy retryStrategy() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(MAX_ATTEMPTS)
                .backoffStrategy(BackoffStrategy.exponentialDelay(BACKOFF_BASE, BACKOFF_MAX))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(THROTTLED_BASE, THROTTLED_MAX))
                .build();
    }

    @Override
    public synchronized void close() {
        if (s3 != null) {
            s3.close();
        }
        if (presigner != null) {
            presigner.close();
        }
        if (lambda != null) {
            lambda.close();
        }
        if (sqs != null) {
            sqs.close();
        }
        if (dynamoDb != null) {
            dynamoDb.close();
        }
        http.close();
    }
}
