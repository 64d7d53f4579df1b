package dev.editeval.domain.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.manifest.GoldSpec;
import dev.editeval.domain.manifest.Manifest;
import dev.editeval.domain.manifest.ManifestParser;
import dev.editeval.domain.manifest.TaskSpec;
import dev.editeval.domain.model.WorkClass;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * What quality control knows of one task, copied from its batch's manifest onto the task when it is ingested, so a
 * lease and a submit read it with the task and never with the batch.
 *
 * @param workClass   the open-work class the task waits in: a screening set's, or regular work's (hidden gold waits
 *                    among regular work, so finding it costs no query of its own: see {@code WorkPolicy#quality})
 * @param gold        the expected answer of a gold or screening task
 * @param rules       the batch's warn-and-pause and overlap rules
 * @param screening   the pass criteria of the screening set the task belongs to
 * @param attemptSize screening tasks per attempt: the set divided among its attempts, so a retry meets tasks its
 *                    feedback did not explain (0 outside a screening set)
 */
public record TaskQuality(WorkClass workClass, Optional<GoldSpec> gold, QualityRules rules,
                          Optional<ScreeningCriteria> screening, int attemptSize) {

    /**
     * Slots of a gold or screening task: every evaluator who meets it rates it once, and none is ever turned away
     * for want of a slot in a team of this size. A task item holds one entry per rater, so this also bounds its size
     * (about 100 bytes each, far below DynamoDB's 400 KB item limit).
     */
    public static final int GOLD_RATERS = 500;

    public static TaskQuality regular() {
        return new TaskQuality(WorkClass.REGULAR, Optional.empty(), QualityRules.defaults(), Optional.empty(), 0);
    }

    /** A manifest task's quality: screening when its batch is a screening set, hidden gold when it has gold. */
    public static TaskQuality of(Manifest manifest, TaskSpec task) {
        if (manifest.screening().isPresent()) {
            int attempts = manifest.screening().get().attempts();
            return new TaskQuality(WorkClass.SCREENING, task.gold(), manifest.quality(), manifest.screening(),
                    Math.max(1, manifest.tasks().size() / attempts));
        }
        return new TaskQuality(WorkClass.REGULAR, task.gold(), manifest.quality(), Optional.empty(), 0);
    }

    /** The same task made gold by a lead (an adjudicated answer promoted): hidden gold, or screening still. */
    public TaskQuality promoted(GoldSpec promoted) {
        return new TaskQuality(workClass, Optional.of(promoted), rules, screening, attemptSize);
    }

    /** Hidden gold or screening: every evaluator who meets the task rates it once, and each answer is scored. */
    public boolean isGold() {
        return gold.isPresent() || isScreening();
    }

    /** How many raters the task asks for: its batch's number, or every evaluator for gold and screening. */
    public int raters(int batchRaters) {
        return isGold() ? GOLD_RATERS : batchRaters;
    }

    public boolean isScreening() {
        return workClass == WorkClass.SCREENING;
    }

    public String toJson() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("workClass", workClass.name());
        gold.ifPresent(g -> node.set("gold", ManifestParser.goldJson(g)));
        node.set("rules", Json.MAPPER.valueToTree(rules));
        screening.ifPresent(s -> node.set("screening", Json.MAPPER.valueToTree(s)));
        node.put("attemptSize", attemptSize);
        return node.toString();
    }

    public static TaskQuality fromJson(String json) {
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            return new TaskQuality(WorkClass.valueOf(node.path("workClass").asText()),
                    node.has("gold") ? Optional.of(ManifestParser.toGold(node.path("gold"))) : Optional.empty(),
                    Json.MAPPER.treeToValue(node.path("rules"), QualityRules.class),
                    node.has("screening") ? Optional.of(Json.MAPPER.treeToValue(node.path("screening"),
                            ScreeningCriteria.class)) : Optional.empty(),
                    node.path("attemptSize").asInt());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a task's stored quality is not JSON", e);
        }
    }
}
