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
    void read_whenNotUtf8_rejectsNamingTheByte() {
        byte[] body = {'{', '"', 'c', '"', ':', '"', 'a', (byte) 0xC3, (byte) 0x28, '"', '}'};

        ParsedJson parsed = StrictJson.read(body, 100);

        assertThat(parsed.document()).isEmpty();
        assertThat(parsed.report().problems()).singleElement()
                .isEqualTo(ValidationProblem.of("$", "is not UTF-8: byte 7 starts an invalid sequence"));
    }

    /** Jackson itself refuses a broken pair in a field name, at the whole document. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            lone high surrogate  | {"c": "a\\ud800"}               | c
            lone low surrogate   | {"o": [{"c": "\\udc00b"}]}      | o[0].c
            reversed pair        | {"c": "\\udc00\\ud800"}       | c
            in a field name      | {"x": {"\\ud800": 1}}          | $
            """)
    void read_whenTextHoldsALoneSurrogate_rejectsAtItsPath(String what, String body, String path) {
        ParsedJson parsed = StrictJson.read(bytes(body), 100);

        assertThat(parsed.document()).isEmpty();
        assertThat(parsed.report().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo(path);
            assertThat(problem.reason()).containsIgnoringCase("surrogate");
        });
    }

    @Test
    void read_whenASurrogatePairIsEscaped_givesTheCharacter() {
        ParsedJson parsed = StrictJson.read(bytes("{\"c\": \"\\ud83d\\ude00\"}"), 100);

        assertThat(parsed.document()).hasValueSatisfying(node ->
                assertThat(node.path("c").asText()).isEqualTo("\uD83D\uDE00"));
    }

    @Test
    void canonical_whenTheBodyStartsWithAByteOrderMark_writesTheDocumentWithoutIt() {
        byte[] body = bytes("\uFEFF{ \"a\" :  1 }");

        ParsedJson parsed = StrictJson.read(body, 100);

        assertThat(StrictJson.canonical(parsed.document().orElseThrow())).isEqualTo("{\"a\":1}");
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
