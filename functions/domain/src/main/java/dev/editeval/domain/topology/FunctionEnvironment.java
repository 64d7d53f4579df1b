package dev.editeval.domain.topology;

/**
 * The names of the environment variables the functions read their configuration from: the stack sets them, the
 * local runtime sets them for its in-process functions, {@code Config.fromEnv} reads them.
 */
public final class FunctionEnvironment {

    public static final String BUCKET = "EDITEVAL_BUCKET";
    public static final String TABLE = "EDITEVAL_TABLE";
    public static final String INGEST_QUEUE_URL = "EDITEVAL_INGEST_QUEUE_URL";
    public static final String PREVIEW_QUEUE_URL = "EDITEVAL_PREVIEW_QUEUE_URL";

    private FunctionEnvironment() {
    }
}
