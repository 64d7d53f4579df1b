package dev.editeval.infra.constructs;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/** Where S3 server access logs and CloudFront standard logs go. */
public final class AccessLogsBucket extends Construct {

    private static final Duration KEEP_LOGS = Duration.days(90);

    private final Bucket bucket;

    public AccessLogsBucket(Construct scope, String id) {
        super(scope, id);
        bucket = Bucket.Builder.create(this, "Bucket")
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                // CloudFront standard logging writes through an ACL grant, so ACLs must stay enabled here.
                .objectOwnership(ObjectOwnership.OBJECT_WRITER)
                .lifecycleRules(List.of(LifecycleRule.builder().expiration(KEEP_LOGS).build()))
                .build();
        Suppressions.suppress(bucket, "AwsSolutions-S1",
                "This is the access-log target; logging it into itself would loop.");
    }

    public IBucket bucket() {
        return bucket;
    }
}
