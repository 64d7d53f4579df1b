package dev.editeval.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpEventsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[evaluators admins] | evaluators;admins",
        "[admins]            | admins",
        "[[admins]           | [admins",
        "[admins]]           | admins]",
        "[x,admins]          | x,admins",
        "\"admins\"          | \"admins\"",
        "[]                  | ''"})
    void groups_areTheNamesBetweenTheOnePairOfBrackets_splitOnSpacesOnly(String claim, String expected) {
        List<String> names = expected.isEmpty() ? List.of() : List.of(expected.split(";"));

        assertThat(HttpEvents.groups(claim)).containsExactlyElementsOf(names);
    }
}
