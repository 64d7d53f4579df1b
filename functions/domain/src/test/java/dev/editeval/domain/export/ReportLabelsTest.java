package dev.editeval.domain.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.domain.rubric.RubricCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportLabelsTest {

    private final ReportLabels labels = ReportLabels.of(List.of(RubricCatalog.builtIn()
            .find(RubricCatalog.DEFAULT_RUBRIC_ID).orElseThrow()));

    @Test
    void dimension_whenTheRubricNamesIt_isItsTitle_elseTheId() {
        assertThat(labels.dimension("preservation")).isEqualTo("Preservation of unedited areas");
        assertThat(labels.dimension("sharpness")).isEqualTo("sharpness");
        assertThat(labels.verdict("unsafe_request")).isEqualTo("Unsafe request");
    }

    @Test
    void inWords_whenAFlagNamesDimensionsById_putsThemInTheRubricsWords() {
        assertThat(labels.inWords("harsher than the panel on structural_integrity by 0.80; straight-lining 94 %"))
                .isEqualTo("harsher than the panel on structural integrity by 0.80; straight-lining 94 %");
    }

    @Test
    void dimensionOrder_isTheRubricsOrder_withUnknownIdsAfter() {
        assertThat(List.of("zz", "visual_quality", "instruction_adherence", "preservation").stream()
                .sorted(labels.dimensionOrder()).toList())
                .containsExactly("instruction_adherence", "preservation", "visual_quality", "zz");
    }
}
