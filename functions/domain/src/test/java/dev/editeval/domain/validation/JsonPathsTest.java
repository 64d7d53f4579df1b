package dev.editeval.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonPathsTest {

    @Test
    void child_whenNameIsPlain_usesDotsAndWhenNot_usesBrackets() {
        assertThat(JsonPaths.child("$", "batchId")).isEqualTo("batchId");
        assertThat(JsonPaths.child("tasks[0].gold.scores", "model-a")).isEqualTo("tasks[0].gold.scores['model-a']");
        assertThat(JsonPaths.child("tasks[0].gold.scores['model-a']", "preservation"))
                .isEqualTo("tasks[0].gold.scores['model-a'].preservation");
        assertThat(JsonPaths.child("$", "a b")).isEqualTo("['a b']");
    }

    @Test
    void index_whenGiven_appendsBrackets() {
        assertThat(JsonPaths.index(JsonPaths.child(JsonPaths.index("tasks", 3), "outputs"), 1))
                .isEqualTo("tasks[3].outputs[1]");
    }

    @Test
    void display_whenRooted_dropsTheRoot() {
        assertThat(JsonPaths.display("$.outputs[0].scores.preservation")).isEqualTo("outputs[0].scores.preservation");
        assertThat(JsonPaths.display("$['a b']")).isEqualTo("['a b']");
        assertThat(JsonPaths.display("$")).isEqualTo("$");
    }
}
