package dev.editeval.local.standins;

/**
 * Told of every object the S3 stand-in stores, once the object is in place and before the client gets its answer,
 * as S3 event notifications are. An exception thrown here fails the client's request with a 500, which the AWS
 * CLI and SDKs retry: a notification that could not be sent is never silently lost.
 */
@FunctionalInterface
public interface ObjectCreatedListener {

    /**
     * An object was created or replaced.
     *
     * @param key  the object key as stored (not URL-encoded)
     * @param eTag the entity tag without quotes
     */
    void onObjectCreated(String bucket, String key, long size, String eTag);

    /**
     * The same, with the S3 event name that says how the object was written ({@code ObjectCreated:Put},
     * {@code ObjectCreated:Copy} or {@code ObjectCreated:CompleteMultipartUpload}). This is what the stand-in calls;
     * override it when the name matters, as {@link S3EventNotifier} does.
     */
    default void onObjectCreated(String eventName, String bucket, String key, long size, String eTag) {
        onObjectCreated(bucket, key, size, eTag);
    }

    /** Undoes a {@link StandIns#onObjectCreated} registration; closing twice is harmless. */
    @FunctionalInterface
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
