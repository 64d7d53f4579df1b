package dev.editeval.domain.export;

import dev.editeval.domain.ports.EvaluatorRepository;
import dev.editeval.domain.ports.ReviewRepository;
import dev.editeval.domain.quality.Adjudication;
import dev.editeval.domain.quality.DisagreementRecord;
import dev.editeval.domain.quality.Exclusion;
import dev.editeval.domain.quality.SafetyEscalation;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What a night reads beside the ratings: the leads' exclusions and adjudications, the safety flags and the tasks
 * extended for disagreeing. Each is one index query whose length is the number of decisions or flags, never the
 * number of ratings.
 */
public record ReviewInputs(List<Exclusion> exclusions, List<Adjudication> adjudications,
                           List<SafetyEscalation> escalations, List<DisagreementRecord> disagreements) {

    public static final ReviewInputs NONE = new ReviewInputs(List.of(), List.of(), List.of(), List.of());

    public ReviewInputs {
        exclusions = List.copyOf(exclusions);
        adjudications = List.copyOf(adjudications);
        escalations = List.copyOf(escalations);
        disagreements = List.copyOf(disagreements);
    }

    /** Read when a night starts, once for every day it exports. */
    public static Supplier<ReviewInputs> of(ReviewRepository review, EvaluatorRepository evaluators) {
        return () -> new ReviewInputs(evaluators.list().stream()
                .flatMap(profile -> profile.exclusion().stream()).toList(),
                review.adjudications(), Stream.concat(review.escalations(false).stream(),
                        review.escalations(true).stream()).toList(), review.disagreements());
    }

    /** The same inputs with escalations the night put again beside those it read. */
    ReviewInputs withEscalations(List<SafetyEscalation> restored) {
        return restored.isEmpty() ? this : new ReviewInputs(exclusions, adjudications,
                Stream.concat(escalations.stream(), restored.stream()).toList(), disagreements);
    }

    public Optional<Exclusion> exclusionOf(String evaluatorId) {
        return exclusions.stream().filter(e -> e.evaluatorId().equals(evaluatorId)).findFirst();
    }
}
