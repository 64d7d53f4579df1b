package dev.editeval.local.cli;

import dev.editeval.local.runtime.RuntimeOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where the commands keep and find the pipeline's data: {@code --data-dir DIR}, else {@code $EDITEVAL_DATA_DIR}, else
 * {@code .editeval/} in the repository. Not {@code EDITEVAL_HOME}: {@code editeval.home} already names the repository.
 */
final class DataFolder {

    static final String VARIABLE = "EDITEVAL_DATA_DIR";

    /** The folder of the command being run, bound by {@link EditevalCli} around it, so every command sees the same. */
    static final ScopedValue<Path> CURRENT = ScopedValue.newInstance();

    private DataFolder() {
    }

    /** The option wins over the variable, the variable over the default; a relative path is taken from here. */
    static Path resolve(Path option, Map<String, String> environment, Supplier<Path> fallback) {
        String variable = environment.get(VARIABLE);
        Path chosen = option != null ? option
                : variable != null && !variable.isBlank() ? Path.of(variable) : fallback.get();
        return chosen.toAbsolutePath().normalize();
    }

    static Path resolve(Path option) {
        return resolve(option, System.getenv(), () -> RuntimeOptions.defaults().dataDir());
    }

    static Path current() {
        return CURRENT.isBound() ? CURRENT.get() : resolve(null);
    }

    /** The folder as a person would type it: relative when it lies under the working directory. */
    static String shown(Path folder) {
        Path here = Path.of("").toAbsolutePath();
        return folder.startsWith(here) && !folder.equals(here) ? here.relativize(folder).toString() : folder.toString();
    }
}
