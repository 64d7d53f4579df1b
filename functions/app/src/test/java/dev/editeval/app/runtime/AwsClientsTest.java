package dev.editeval.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/** Every client the functions use retries by the one strategy AwsClients defines, within the call timeout. */
class AwsClientsTest {

    /** Built only, never called: the endpoints need nothing listening. */
    private static final Map<String, String> ENV = Map.of("AWS_REGION", "eu-west-1",
            "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
            AwsClients.S3_ENDPOINT, "http://127.0.0.1:1", AwsClients.SQS_ENDPOINT, "http://127.0.0.1:1",
            AwsClients.DYNAMODB_ENDPOINT, "http://127.0.0.1:1");

    @Test
    void clients_whenBuilt_retryByTheStandardStrategyWithBoundedAttemptsInsideTheCallTimeout() {
        try (AwsClients clients = AwsClients.fromEnv(ENV)) {
            List<ClientOverrideConfiguration> configured = List.of(
                    clients.dynamoDb().serviceClientConfiguration().overrideConfiguration(),
                    clients.s3().serviceClientConfiguration().overrideConfiguration(),
                    clients.sqs().serviceClientConfiguration().overrideConfiguration());

            assertThat(configured).allSatisfy(config -> {
                RetryStrategy strategy = config.retryStrategy().orElseThrow();
                assertThat(strategy).isInstanceOf(StandardRetryStrategy.class);
                assertThat(strategy.maxAttempts()).isEqualTo(AwsClients.MAX_ATTEMPTS);
                assertThat(config.apiCallTimeout()).contains(AwsClients.CALL_TIMEOUT);
                assertThat(config.apiCallAttemptTimeout()).contains(AwsClients.ATTEMPT_TIMEOUT);
            });
        }
    }
}
