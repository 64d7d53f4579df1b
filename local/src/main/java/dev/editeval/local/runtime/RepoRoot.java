package dev.editeval.local.runtime;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository the local runtime serves from: {@code -Dediteval.home}, or the first folder up holding web-static. */
public final class RepoRoot {

    private RepoRoot() {
    }

    public static Path find() {
        String home = System.getProperty("editeval.home");
        if (home != null) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("web-static")) && Files.isDirectory(dir.resolve("events"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the editeval repository above " + Path.of("").toAbsolutePath()
                + "; run from inside it or pass -Dediteval.home=DIR");
    }
}
