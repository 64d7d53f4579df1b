package dev.editeval.local.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A data folder's {@code local.env}: {@code export NAME=value} lines a shell sources and the commands read back. */
public final class LocalEnvFile {

    private LocalEnvFile() {
    }

    public static void write(Path file, Map<String, String> environment) {
        StringBuilder text = new StringBuilder("# written by ./editeval up; source it: . " + file + "\n");
        environment.forEach((name, value) -> text.append("export ").append(name).append("='").append(value)
                .append("'\n"));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static Map<String, String> read(Path file) {
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " does not exist: start the pipeline first with ./editeval up");
        }
        Map<String, String> environment = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith("export ") && line.contains("=")) {
                    String assignment = line.substring("export ".length());
                    int eq = assignment.indexOf('=');
                    environment.put(assignment.substring(0, eq), assignment.substring(eq + 1).replace("'", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return environment;
    }
}
