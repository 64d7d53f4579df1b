package dev.editeval.app.runtime;

import java.util.Map;

/**
 * The functions' configuration, read once from the environment. A missing variable fails at start with its name.
 *
 * @param ingestQueueUrl  unused by the handlers today but part of the deployable's contract, so a mis-wired stack
 *                        fails at start rather than at the first message
 */
public record Config(String bucket, String table, String ingestQueueUrl, String previewQueueUrl) {

    public static final String BUCKET = "EDITEVAL_BUCKET";
    public static final String TABLE = "EDITEVAL_TABLE";
    public static final String INGEST_QUEUE_URL = "EDITEVAL_INGEST_QUEUE_URL";
    public static final String PREVIEW_QUEUE_URL = "EDITEVAL_PREVIEW_QUEUE_URL";

    public static Config fromEnv(Map<String, String> env) {
        return new Config(required(env, BUCKET), required(env, TABLE), required(env, INGEST_QUEUE_URL),
                required(env, PREVIEW_QUEUE_URL));
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }
}
