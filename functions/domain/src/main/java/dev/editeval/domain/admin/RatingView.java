package dev.editeval.domain.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.ports.EvaluatorRepository;
import dev.editeval.domain.quality.Exclusion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stored rating as a lead reads it (docs/api.md, the task under review and an evaluator's drill-down): each output
 * un-blinded to its model, the evaluator by name where the profile has one, and whether the evaluator's exclusion
 * leaves the rating out, by the same rule as the export's {@code "excluded"} flag ({@link Exclusion#leavesOut}).
 */
public final class RatingView {

    private RatingView() {
    }

    /**
     * The rating's fields in the order the API answers them; a map the caller may add to (the drill-down adds the
     * task and its thumbnails).
     *
     * @param profile the evaluator's profile; empty when the evaluator has none
     */
    public static Map<String, Object> of(RatingRecord rating, Optional<EvaluatorRepository.Profile> profile,
                                         String pseudonym) {
        JsonNode submission;
        try {
            submission = Json.MAPPER.readTree(rating.submission());
        } catch (IOException e) {
            submission = MissingNode.getInstance();
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("evaluatorId", rating.evaluatorId());
        row.put("name", profile.map(EvaluatorRepository.Profile::name).filter(name -> !name.isEmpty()).orElse(null));
        row.put("pseudonym", pseudonym);
        row.put("submittedAt", rating.submittedAt().toString());
        row.put("verdict", submission.path("feasibility").path("verdict").asText(""));
        row.put("verdictReason", submission.path("feasibility").path("reason").asText(""));
        row.put("timeOnTaskMs", submission.path("timeOnTaskMs").asLong());
        row.put("excluded", Exclusion.leavesOut(profile.flatMap(EvaluatorRepository.Profile::exclusion),
                Optional.of(rating.submittedAt())));
        List<Map<String, Object>> outputs = new ArrayList<>();
        for (JsonNode output : submission.path("outputs")) {
            String letter = output.path("outputId").asText();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", rating.modelByOutput().getOrDefault(letter, ""));
            out.put("outputId", letter);
            out.put("scores", Json.MAPPER.convertValue(output.path("scores"), Map.class));
            out.put("safety", Json.MAPPER.convertValue(output.path("safety"), Map.class));
            outputs.add(out);
        }
        row.put("outputs", outputs);
        row.put("preference", Json.MAPPER.convertValue(submission.path("preference"), Object.class));
        row.put("comment", submission.path("comment").asText(""));
        return row;
    }
}
