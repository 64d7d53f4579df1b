package dev.editeval.domain.manifest;

import dev.editeval.domain.quality.QualityRules;
import dev.editeval.domain.quality.ScreeningCriteria;
import dev.editeval.domain.topology.Topology;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A validated batch manifest ({@code batches/{batchId}/manifest.json}), real work or a screening set; built only
 * by {@link ManifestParser}.
 * Image keys in it are relative to the batch folder; {@link #objectKey} makes them absolute.
 */
public record Manifest(String batchId, String rubricId, int ratersPerTask, List<TaskSpec> tasks,
                       Optional<ScreeningCriteria> screening, QualityRules quality) {

    public static final int DEFAULT_RATERS_PER_TASK = 3;

    public Manifest {
        tasks = List.copyOf(tasks);
    }

    /** A batch of real work under the default quality rules. */
    public Manifest(String batchId, String rubricId, int ratersPerTask, List<TaskSpec> tasks) {
        this(batchId, rubricId, ratersPerTask, tasks, Optional.empty(), QualityRules.defaults());
    }

    /** A screening set is worked by new evaluators first and never counted as real work. */
    public boolean isScreening() {
        return screening.isPresent();
    }

    /** Every source and output key of the batch, relative, each once, in manifest order. */
    public List<String> imageKeys() {
        Set<String> keys = new LinkedHashSet<>();
        tasks.forEach(task -> keys.addAll(task.imageKeys()));
        return List.copyOf(keys);
    }

    public Optional<TaskSpec> task(String taskId) {
        return tasks.stream().filter(task -> task.id().equals(taskId)).findFirst();
    }

    /** The absolute key of a key relative to this batch's folder. */
    public String objectKey(String relativeKey) {
        return objectKey(batchId, relativeKey);
    }

    /**
     * {@code batches/{batchId}/{relativeKey}}. The last guard before a key reaches storage: a batch id or a key
     * that could leave the batch folder is a programming error here, since the parser never lets one through.
     *
     * @throws IllegalArgumentException when the batch id or the relative key is not safe
     */
    public static String objectKey(String batchId, String relativeKey) {
        if (!ManifestNames.isId(batchId)) {
            throw new IllegalArgumentException("not a batch id: " + batchId);
        }
        ManifestNames.relativeKeyProblem(relativeKey).ifPresent(problem -> {
            throw new IllegalArgumentException("unsafe relative key " + problem);
        });
        return Topology.BATCHES_PREFIX + batchId + "/" + relativeKey;
    }
}
