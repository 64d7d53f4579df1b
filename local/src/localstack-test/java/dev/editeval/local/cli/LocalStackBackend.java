package dev.editeval.local.cli;

import dev.editeval.local.runtime.AwsBackend;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opentest4j.TestAbortedException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.FilterRuleName;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The integration tests' backend under {@code -Plocalstack}: LocalStack in a container, with a real S3 bucket
 * notification to the ingest queue. Without Docker the tests are skipped, not failed.
 */
public final class LocalStackBackend implements AwsBackend {

    private static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.4");

    private final LocalStackContainer container;

    private LocalStackBackend(LocalStackContainer container) {
        this.container = container;
    }

    public static LocalStackBackend start() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new TestAbortedException("the localstack profile needs Docker, and none answers here");
        }
        LocalStackContainer container = new LocalStackContainer(IMAGE).withServices(
                LocalStackContainer.Service.S3, LocalStackContainer.Service.SQS, LocalStackContainer.Service.DYNAMODB);
        container.start();
        return new LocalStackBackend(container);
    }

    @Override
    public Map<String, String> environment() {
        String endpoint = container.getEndpoint().toString();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_ENDPOINT_URL_S3", endpoint);
        env.put("AWS_ENDPOINT_URL_SQS", endpoint);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", endpoint);
        env.put("AWS_ACCESS_KEY_ID", container.getAccessKey());
        env.put("AWS_SECRET_ACCESS_KEY", container.getSecretKey());
        env.put("AWS_REGION", container.getRegion());
        env.put("AWS_DEFAULT_REGION", container.getRegion());
        return env;
    }

    @Override
    public URI s3Endpoint() {
        return container.getEndpoint();
    }

    @Override
    public void notifyQueue(String bucket, String prefix, String suffix, String queueUrl) {
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(container.getAccessKey(), container.getSecretKey()));
        Region region = Region.of(container.getRegion());
        try (SqsClient sqs = SqsClient.builder().endpointOverride(container.getEndpoint()).region(region)
                .credentialsProvider(credentials).build();
             S3Client s3 = S3Client.builder().endpointOverride(container.getEndpoint()).region(region)
                     .credentialsProvider(credentials).forcePathStyle(true).build()) {
            String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n
                    .queueConfigurations(q -> q.queueArn(queueArn).events(Event.S3_OBJECT_CREATED)
                            .filter(f -> f.key(k -> k.filterRules(
                                    r -> r.name(FilterRuleName.PREFIX).value(prefix),
                                    r -> r.name(FilterRuleName.SUFFIX).value(suffix)))))));
        }
    }

    @Override
    public void close() {
        container.stop();
    }
}
