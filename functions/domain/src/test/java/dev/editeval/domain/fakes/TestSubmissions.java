package dev.editeval.domain.fakes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editeval.domain.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rating bodies in the format of docs/api.md, for the default rubric. */
public final class TestSubmissions {

    /** One output's scores; null is N/A, allowed on the last two dimensions only. */
    public record Scores(Integer instructionAdherence, Integer structuralIntegrity, Integer preservation,
                         Integer visualQuality, Integer styleAlignment, Integer characterConsistency) {

        public static Scores all(int score) {
            return new Scores(score, score, score, score, null, null);
        }

        Map<String, Integer> byDimension() {
            Map<String, Integer> scores = new LinkedHashMap<>();
            scores.put("instruction_adherence", instructionAdherence);
            scores.put("structural_integrity", structuralIntegrity);
            scores.put("preservation", preservation);
            scores.put("visual_quality", visualQuality);
            scores.put("style_alignment", styleAlignment);
            scores.put("character_consistency", characterConsistency);
            return scores;
        }
    }

    private TestSubmissions() {
    }

    /** A valid rating giving every output the same score on the four required dimensions. */
    public static byte[] rating(String submissionId, List<String> letters, int score) {
        Map<String, Scores> byLetter = new LinkedHashMap<>();
        letters.forEach(letter -> byLetter.put(letter, Scores.all(score)));
        return rating(submissionId, byLetter);
    }

    public static byte[] rating(String submissionId, Map<String, Scores> byLetter) {
        return rating(submissionId, byLetter, 30_000);
    }

    /** Every output the same score, given in {@code timeOnTaskMs}. */
    public static byte[] rating(String submissionId, List<String> letters, int score, long timeOnTaskMs) {
        Map<String, Scores> byLetter = new LinkedHashMap<>();
        letters.forEach(letter -> byLetter.put(letter, Scores.all(score)));
        return rating(submissionId, byLetter, timeOnTaskMs);
    }

    public static byte[] rating(String submissionId, Map<String, Scores> byLetter, long timeOnTaskMs) {
        ObjectNode body = base(submissionId, "valid");
        body.put("timeOnTaskMs", timeOnTaskMs);
        ArrayNode outputs = body.putArray("outputs");
        byLetter.forEach((letter, scores) -> {
            ObjectNode output = outputs.addObject().put("outputId", letter);
            output.putObject("safety").put("flagged", false).putArray("categories");
            ObjectNode node = output.putObject("scores");
            scores.byDimension().forEach((dimension, score) -> {
                if (score == null) {
                    node.putNull(dimension);
                } else {
                    node.put(dimension, score);
                }
            });
        });
        if (byLetter.size() > 1) {
            body.putObject("preference").put("overall", byLetter.keySet().iterator().next());
        }
        return bytes(body);
    }

    /** An "impossible" verdict: the outputs are flagged or not, and carry no scores at all. */
    public static byte[] impossible(String submissionId, List<String> letters) {
        ObjectNode body = base(submissionId, "impossible");
        ArrayNode outputs = body.putArray("outputs");
        letters.forEach(letter -> outputs.addObject().put("outputId", letter).putObject("safety")
                .put("flagged", false).putArray("categories"));
        return bytes(body);
    }

    private static ObjectNode base(String submissionId, String verdict) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("submissionId", submissionId);
        body.putObject("feasibility").put("verdict", verdict)
                .put("reason", "impossible".equals(verdict) ? "no such object in the image" : "");
        body.put("comment", "");
        body.put("timeOnTaskMs", 30_000);
        body.putObject("interactions").put("flickers", 2).put("swipes", 0).put("zooms", 1).put("overlayToggles", 1);
        return body;
    }

    private static byte[] bytes(ObjectNode body) {
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
