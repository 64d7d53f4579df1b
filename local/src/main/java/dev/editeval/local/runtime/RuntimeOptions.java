package dev.editeval.local.runtime;

import java.nio.file.Path;

/**
 * How to run the pipeline locally.
 *
 * @param dataDir  everything lives here ({@code .editeval/} by default): a restart finds it all again
 * @param webPort  the page and the API; the stand-ins take the next three ports, or any free ones when this is 0
 */
public record RuntimeOptions(Path repoRoot, Path dataDir, int webPort) {

    public static final int DEFAULT_WEB_PORT = 4560;

    public static RuntimeOptions defaults() {
        Path root = RepoRoot.find();
        return new RuntimeOptions(root, root.resolve(".editeval"), DEFAULT_WEB_PORT);
    }
}
