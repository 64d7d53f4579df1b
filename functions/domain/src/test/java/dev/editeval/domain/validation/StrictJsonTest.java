package dev.editeval.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    @Test
    void read_whenValidObject_givesTheDocument() {
        ParsedJson parsed = StrictJson.read(bytes("{\"a\": [1, 2]}"), 100);

        assertThat(parsed.report().isValid()).isTrue();
        assertThat(parsed.document()).hasValueSatisfying(node -> assertThat(node.at("/a/1").asInt()).isEqualTo(2));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON             | {"a": }            | is not valid JSON at line 1
            duplicate key        | {"a": 1, "a": 2}   | Duplicate field 'a'
            trailing content     | {"a": 1} {"b": 2}  | is not valid JSON
            unclosed object      | {"a": 1            | is not valid JSON
            empty                | ''                 | is empty
            only whitespace      | '   '              | is empty
            """)
    void read_whenNotOneJsonDocument_reportsTheWholeDocument(String what, String body, String reason) {
        ParsedJson parsed = StrictJson.read(bytes(body), 100);

        assertThat(parsed.document()).isEmpty();
        assertThat(parsed.report().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("$");
            assertThat(problem.reason()).contains(reason);
        });
    }

    @Test
    void read_whenLargerThanTheLimit_rejectsBeforeParsing() {
        ParsedJson parsed = StrictJson.read(new byte[4 * 1024 * 1024 + 1], 4 * 1024 * 1024);

        assertThat(parsed.report().problems()).singleElement()
                .isEqualTo(ValidationProblem.of("$", "is 4194305 bytes; at most 4 MiB is accepted"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
