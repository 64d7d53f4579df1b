package dev.editeval.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataFolderTest {

    private static final Path REPO_DEFAULT = Path.of("/repo/.editeval");

    @Test
    void resolve_whenOptionAndVariableAreGiven_takesTheOption() {
        Path folder = DataFolder.resolve(Path.of("/from/option"), Map.of(DataFolder.VARIABLE, "/from/variable"),
                () -> REPO_DEFAULT);

        assertThat(folder).isEqualTo(Path.of("/from/option"));
    }

    @Test
    void resolve_whenOnlyTheVariableIsSet_takesTheVariable() {
        Path folder = DataFolder.resolve(null, Map.of(DataFolder.VARIABLE, "/from/variable"), () -> REPO_DEFAULT);

        assertThat(folder).isEqualTo(Path.of("/from/variable"));
    }

    @Test
    void resolve_whenNeitherIsGivenOrTheVariableIsBlank_takesTheRepositoryDefault() {
        assertThat(DataFolder.resolve(null, Map.of(), () -> REPO_DEFAULT)).isEqualTo(REPO_DEFAULT);
        assertThat(DataFolder.resolve(null, Map.of(DataFolder.VARIABLE, " "), () -> REPO_DEFAULT))
                .isEqualTo(REPO_DEFAULT);
    }

    @Test
    void resolve_whenThePathIsRelative_takesItFromTheWorkingDirectory() {
        Path folder = DataFolder.resolve(null, Map.of(DataFolder.VARIABLE, "runs/../second"), () -> REPO_DEFAULT);

        assertThat(folder).isEqualTo(Path.of("").toAbsolutePath().resolve("second"));
    }

    @Test
    void shown_whenUnderTheWorkingDirectory_isRelative_elseAbsolute() {
        Path here = Path.of("").toAbsolutePath();

        assertThat(DataFolder.shown(here.resolve(".editeval/local.env"))).isEqualTo(".editeval/local.env");
        assertThat(DataFolder.shown(Path.of("/elsewhere/data"))).isEqualTo("/elsewhere/data");
    }
}
