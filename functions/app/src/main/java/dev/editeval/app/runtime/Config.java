package dev.editeval.app.runtime;

import dev.editeval.domain.topology.FunctionEnvironment;
import java.util.Map;

/**
 * The functions' configuration, read once from the environment ({@link FunctionEnvironment} names the variables).
 * A missing variable fails at start with its name.
 *
 * @param ingestQueueUrl  unused by the handlers today but part of the deployable's contract, so a mis-wired stack
 *                        fails at start rather than at the first message
 */
public record Config(String bucket, String table, String ingestQueueUrl, String previewQueueUrl) {

    public static Config fromEnv(Map<String, String> env) {
        return new Config(required(env, FunctionEnvironment.BUCKET), required(env, FunctionEnvironment.TABLE),
                required(env, FunctionEnvironment.INGEST_QUEUE_URL),
                required(env, FunctionEnvironment.PREVIEW_QUEUE_URL));
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }
}
