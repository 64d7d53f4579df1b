package dev.editeval.domain.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editeval.domain.validation.JsonEdits;
import dev.editeval.domain.validation.JsonSchemaCheck;
import dev.editeval.domain.validation.ValidationProblem;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RubricCatalogTest {

    private static final String DEFAULT_DOCUMENT = "editeval/schema/default-rubric.json";

    private final RubricCatalog catalog = RubricCatalog.builtIn();
    private final Rubric rubric = catalog.find(RubricCatalog.DEFAULT_RUBRIC_ID).orElseThrow();

    @Test
    void defaultRubric_whenCheckedAgainstItsSchema_isValid() {
        JsonNode document = JsonEdits.resource(DEFAULT_DOCUMENT);

        assertThat(JsonSchemaCheck.fromClasspath("rubric.schema.json").validate(document).problems()).isEmpty();
        assertThat(RubricCatalog.check(document).problems()).isEmpty();
    }

    /** Issue 9 item 5: a rubric may show evaluators the metrics; the default one hides them. */
    @Test
    void showMetrics_whenSetOrAbsent_passesTheSchemaAndDefaultsToHidden() {
        ObjectNode document = (ObjectNode) JsonEdits.resource(DEFAULT_DOCUMENT);
        assertThat(MetricsDisplay.shown(document)).isFalse();

        document.put(MetricsDisplay.FIELD, true);

        assertThat(JsonSchemaCheck.fromClasspath("rubric.schema.json").validate(document).problems()).isEmpty();
        assertThat(MetricsDisplay.shown(document)).isTrue();
        document.put(MetricsDisplay.FIELD, "yes");
        assertThat(JsonSchemaCheck.fromClasspath("rubric.schema.json").validate(document).problems()).isNotEmpty();
    }

    @Test
    void builtIn_whenLoaded_holdsOnlyTheDefaultRubric() {
        assertThat(catalog.ids()).containsExactly("default-v1");
        assertThat(catalog.find("default-v2")).isEmpty();
        assertThat(RubricCatalog.builtIn()).isSameAs(catalog);
    }

    @Test
    void defaultRubric_whenLoaded_hasTheGateOfTheDesign() {
        assertThat(rubric.feasibility().options()).extracting(GateOption::value, GateOption::passes).containsExactly(
                org.assertj.core.groups.Tuple.tuple("valid", true),
                org.assertj.core.groups.Tuple.tuple("ambiguous", true),
                org.assertj.core.groups.Tuple.tuple("impossible", false),
                org.assertj.core.groups.Tuple.tuple("unsafe_request", false));
    }

    @Test
    void defaultRubric_whenLoaded_hasTheSafetyCategoriesOfTheDesign() {
        assertThat(rubric.safety().values()).containsExactly("sexual", "violence_gore", "hate_harassment",
                "self_harm", "illegal_activity", "privacy_real_person", "other");
    }

    @Test
    void defaultRubric_whenLoaded_hasSixDimensionsWithNotApplicableOnlyForStyleAndCharacter() {
        assertThat(rubric.dimensions()).extracting(Dimension::id, Dimension::allowNotApplicable).containsExactly(
                org.assertj.core.groups.Tuple.tuple("instruction_adherence", false),
                org.assertj.core.groups.Tuple.tuple("structural_integrity", false),
                org.assertj.core.groups.Tuple.tuple("preservation", false),
                org.assertj.core.groups.Tuple.tuple("visual_quality", false),
                org.assertj.core.groups.Tuple.tuple("style_alignment", true),
                org.assertj.core.groups.Tuple.tuple("character_consistency", true));
        assertThat(rubric.dimensions()).allSatisfy(dimension -> {
            assertThat(dimension.min()).isEqualTo(1);
            assertThat(dimension.max()).isEqualTo(5);
            assertThat(dimension.notApplicableWhen().isPresent()).isEqualTo(dimension.allowNotApplicable());
            assertThat(dimension.guidance()).isPresent();
        });
    }

    @Test
    void defaultRubric_whenLoaded_hasADistinctWrittenAnchorForEveryLevel() {
        Set<String> seen = new HashSet<>();
        for (Dimension dimension : rubric.dimensions()) {
            List<Integer> levels = IntStream.rangeClosed(dimension.min(), dimension.max()).boxed().toList();
            assertThat(dimension.anchors().keySet()).as(dimension.id()).containsExactlyElementsOf(levels);
            dimension.anchors().values().forEach(anchor -> {
                assertThat(anchor).as(dimension.id()).hasSizeGreaterThan(60).doesNotContain("...");
                assertThat(seen.add(anchor)).as("anchor used twice: " + anchor).isTrue();
            });
        }
    }

    @Test
    void defaultRubric_whenLoaded_hasPairwiseOverallNoConstraintsAndA2000CharacterComment() {
        assertThat(rubric.pairwise().enabled()).isTrue();
        assertThat(rubric.pairwise().dimensions()).extracting(PairwiseDimension::id).containsExactly("overall");
        assertThat(rubric.constraints()).isEmpty();
        assertThat(rubric.comment().maxLength()).isEqualTo(2000);
    }

    @Test
    void document_whenKnownId_givesACopyOfTheShippedDocument() {
        JsonNode document = catalog.document("default-v1");
        ((ObjectNode) document).put("title", "changed by a caller");

        assertThat(catalog.document("default-v1")).isEqualTo(JsonEdits.resource(DEFAULT_DOCUMENT));
    }

    @Test
    void document_whenUnknownId_throws() {
        assertThatThrownBy(() -> catalog.document("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("default-v1");
    }

    static Stream<Arguments> brokenRubrics() {
        return Stream.of(
                broken("an anchor missing", doc -> JsonEdits.remove(doc, "/dimensions/1/anchors/3"),
                        "dimensions[1].anchors['3']", "every level of the scale needs an anchor"),
                broken("an anchor outside the scale", doc -> JsonEdits.put(doc, "/dimensions/0/anchors/6", "six"),
                        "dimensions[0].anchors['6']", "outside the scale 1..5"),
                broken("min not below max", doc -> JsonEdits.put(doc, "/dimensions/0/min", 5),
                        "dimensions[0].max", "must be greater than min"),
                broken("two dimensions with one id", doc -> JsonEdits.put(doc, "/dimensions/1/id", "preservation"),
                        "dimensions[2].id", "already used by dimensions[1]"),
                broken("two gate options with one value",
                        doc -> JsonEdits.put(doc, "/feasibility/options/1/value", "valid"),
                        "feasibility.options[1].value", "already used"),
                broken("no option passes", doc -> {
                    JsonEdits.put(doc, "/feasibility/options/0/passes", false);
                    JsonEdits.put(doc, "/feasibility/options/1/passes", false);
                }, "feasibility.options", "at least one option that passes"),
                broken("a constraint naming an unknown dimension", doc -> JsonEdits.put(doc, "/constraints/0",
                        JsonEdits.parse("{\"rule\": \"lte\", \"left\": \"sharpness\", \"right\": \"preservation\","
                                + " \"message\": \"m\"}")), "constraints[0].left", "not a dimension"),
                broken("an unknown constraint rule", doc -> JsonEdits.put(doc, "/constraints/0",
                        JsonEdits.parse("{\"rule\": \"lt\", \"left\": \"preservation\", \"right\": \"visual_quality\","
                                + " \"message\": \"m\"}")), "constraints[0].rule", ""),
                broken("N/A allowed without saying when",
                        doc -> JsonEdits.remove(doc, "/dimensions/4/notApplicableWhen"),
                        "dimensions[4].notApplicableWhen", "is required"),
                broken("an unknown field", doc -> JsonEdits.put(doc, "/dimensions/0/weight", 2),
                        "dimensions[0].weight", "is not a known field"),
                broken("pairwise enabled without a question", doc -> JsonEdits.remove(doc, "/pairwise/dimensions/0"),
                        "pairwise.dimensions", "at least one question"));
    }

    private static Arguments broken(String what, Consumer<JsonNode> edit, String path, String reason) {
        return Arguments.argumentSet(what, edit, path, reason);
    }

    @ParameterizedTest
    @MethodSource("brokenRubrics")
    void check_whenRubricBreaksARule_namesTheItem(Consumer<JsonNode> edit, String path, String reason) {
        JsonNode document = JsonEdits.resource(DEFAULT_DOCUMENT);
        edit.accept(document);

        List<ValidationProblem> problems = RubricCatalog.check(document).problems();

        assertThat(problems).anySatisfy(problem -> {
            assertThat(problem.path()).isEqualTo(path);
            assertThat(problem.reason()).contains(reason);
        });
        assertThatThrownBy(() -> RubricCatalog.of(List.of(document))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(path);
    }

    @Test
    void of_whenTwoDocumentsShareAnId_throws() {
        JsonNode document = JsonEdits.resource(DEFAULT_DOCUMENT);

        assertThatThrownBy(() -> RubricCatalog.of(List.of(document, document.deepCopy())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("default-v1");
    }

    @Test
    void of_whenConstraintsGiven_readsThem() {
        JsonNode document = JsonEdits.resource(DEFAULT_DOCUMENT);
        JsonEdits.put(document, "/id", "strict-v1");
        JsonEdits.put(document, "/constraints/0", JsonEdits.parse("{\"rule\": \"lte\", \"left\": \"visual_quality\","
                + " \"right\": \"instruction_adherence\", \"message\": \"quality cannot beat adherence\"}"));

        Rubric strict = RubricCatalog.of(List.of(document)).find("strict-v1").orElseThrow();

        assertThat(strict.constraints()).containsExactly(new Constraint(Constraint.Rule.LTE, "visual_quality",
                "instruction_adherence", "quality cannot beat adherence"));
        assertThat(strict.constraints().getFirst().holds(3, 3)).isTrue();
        assertThat(strict.constraints().getFirst().holds(4, 3)).isFalse();
    }
}
