package dev.editeval.local.runtime;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * How to run the pipeline locally.
 *
 * @param dataDir  everything lives here ({@code .editeval/} by default): a restart finds it all again
 * @param webPort  the page and the API; the stand-ins take the next three ports, or any free ones when this is 0
 * @param clock    the functions' clock (the system's; a test moves it to see leases end without waiting for them)
 * @param dynamoDbInterceptors on the functions' DynamoDB client: none, or a test's or a bench's counter or faults
 * @param environment where {@code AWS_ENDPOINT_URL_S3}, {@code _SQS} and {@code _DYNAMODB} may point the functions at
 *                    another server than the stand-in (a fault proxy in front of it, say); the process environment
 */
public record RuntimeOptions(Path repoRoot, Path dataDir, int webPort, Clock clock,
                             List<ExecutionInterceptor> dynamoDbInterceptors, Map<String, String> environment) {

    public RuntimeOptions {
        dynamoDbInterceptors = List.copyOf(dynamoDbInterceptors);
        environment = Map.copyOf(environment);
    }

    public RuntimeOptions(Path repoRoot, Path dataDir, int webPort, Clock clock,
                          List<ExecutionInterceptor> dynamoDbInterceptors) {
        this(repoRoot, dataDir, webPort, clock, dynamoDbInterceptors, System.getenv());
    }

    public RuntimeOptions(Path repoRoot, Path dataDir, int webPort, Clock clock) {
        this(repoRoot, dataDir, webPort, clock, List.of());
    }

    public static final int DEFAULT_WEB_PORT = 4560;

    public RuntimeOptions(Path repoRoot, Path dataDir, int webPort) {
        this(repoRoot, dataDir, webPort, Clock.systemUTC());
    }

    public static RuntimeOptions defaults() {
        Path root = RepoRoot.find();
        return new RuntimeOptions(root, root.resolve(".editeval"), DEFAULT_WEB_PORT);
    }
}
