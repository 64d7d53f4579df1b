package dev.editeval.infra.constructs;

import dev.editeval.domain.topology.Topology;
import java.util.List;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.EventType;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.NotificationKeyFilter;
import software.amazon.awscdk.services.s3.notifications.SqsDestination;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * The uploads bucket: batches in, previews and exports out. A new {@code batches/.../manifest.json} notifies the
 * ingest queue; images are uploaded first and the manifest last, so the manifest is the "batch complete" signal.
 */
public final class UploadsBucket extends Construct {

    private static final Duration KEEP_NONCURRENT_VERSIONS = Duration.days(30);
    private static final Duration ABORT_INCOMPLETE_UPLOADS = Duration.days(7);

    private final Bucket bucket;

    public UploadsBucket(Construct scope, String id, IQueue ingestQueue, IBucket accessLogs) {
        super(scope, id);
        bucket = Bucket.Builder.create(this, "Bucket")
                // Bucket names are global: the Topology name plus account and region keeps two accounts apart.
                .bucketName(Fn.join("-", List.of(Topology.BUCKET, Aws.ACCOUNT_ID, Aws.REGION)))
                .versioned(true)
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .minimumTlsVersion(1.2)
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix("uploads/")
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .noncurrentVersionExpiration(KEEP_NONCURRENT_VERSIONS)
                        .abortIncompleteMultipartUploadAfter(ABORT_INCOMPLETE_UPLOADS)
                        .build()))
                .build();
        bucket.addEventNotification(EventType.OBJECT_CREATED, new SqsDestination(ingestQueue),
                NotificationKeyFilter.builder()
                        .prefix(Topology.BATCHES_PREFIX)
                        .suffix(Topology.MANIFEST_NAME)
                        .build());
    }

    public IBucket bucket() {
        return bucket;
    }
}
