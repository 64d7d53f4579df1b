package dev.editeval.local.runtime;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What the local runtime runs on: servers that speak the S3, SQS and DynamoDB APIs. The stand-ins are the default;
 * the {@code localstack} Maven profile runs the same integration tests on LocalStack where Docker exists.
 */
public interface AwsBackend extends AutoCloseable {

    /** The standard variables pointing an SDK or the AWS CLI at it: endpoints, credentials, region. */
    Map<String, String> environment();

    /** Where presigned image links point, for the page's Content-Security-Policy. */
    URI s3Endpoint();

    /** Delivers S3's ObjectCreated events for keys with this prefix and suffix to the queue, as the stack does. */
    void notifyQueue(String bucket, String prefix, String suffix, String queueUrl);

    /** False while a server is down and being brought back: the pollers wait rather than spend retries. */
    default boolean available() {
        return true;
    }

    /** Completes, with why, when a server is down for good: the runtime cannot go on. */
    default CompletableFuture<String> lost() {
        return new CompletableFuture<>();
    }

    @Override
    void close();
}
