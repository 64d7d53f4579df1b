package dev.editeval.local.standins;

import java.util.Objects;

/**
 * One S3 event notification configuration: which bucket, which keys (the S3 filter's literal, case-sensitive prefix
 * and suffix; empty matches all), and the id S3 puts in each event as {@code configurationId}.
 */
public record NotificationRule(String bucket, String prefix, String suffix, String configurationId) {

    public NotificationRule {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(suffix, "suffix");
        Objects.requireNonNull(configurationId, "configurationId");
    }

    public boolean matches(String objectBucket, String key) {
        return bucket.equals(objectBucket) && key.startsWith(prefix) && key.endsWith(suffix);
    }
}
