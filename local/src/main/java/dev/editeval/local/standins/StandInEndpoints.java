package dev.editeval.local.standins;

import dev.editeval.app.runtime.AwsClients;
import dev.editeval.app.runtime.LocalAccount;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Where the stand-ins listen: all a client needs, whether it runs in the JVM that started them or reads them from
 * {@code .editeval/local.env}.
 */
public record StandInEndpoints(URI s3, URI sqs, URI dynamoDb) {

    public StandInEndpoints {
        Objects.requireNonNull(s3, "s3");
        Objects.requireNonNull(sqs, "sqs");
        Objects.requireNonNull(dynamoDb, "dynamoDb");
    }

    public Region region() {
        return LocalAccount.REGION;
    }

    public AwsCredentialsProvider credentials() {
        return LocalAccount.credentials();
    }

    /**
     * The standard variables that point the AWS CLI and every SDK at the stand-ins (the CLI v1 reads
     * {@code AWS_DEFAULT_REGION}, the SDKs {@code AWS_REGION}), in a stable order for writing to a file.
     */
    public Map<String, String> environment() {
        var environment = new LinkedHashMap<String, String>();
        environment.put(AwsClients.S3_ENDPOINT, s3.toString());
        environment.put(AwsClients.SQS_ENDPOINT, sqs.toString());
        environment.put(AwsClients.DYNAMODB_ENDPOINT, dynamoDb.toString());
        environment.put("AWS_ACCESS_KEY_ID", LocalAccount.ACCESS_KEY_ID);
        environment.put("AWS_SECRET_ACCESS_KEY", LocalAccount.SECRET_ACCESS_KEY);
        environment.put("AWS_REGION", LocalAccount.REGION.id());
        environment.put("AWS_DEFAULT_REGION", LocalAccount.REGION.id());
        return Collections.unmodifiableMap(environment);
    }
}
