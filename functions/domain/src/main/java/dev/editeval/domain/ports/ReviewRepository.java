package dev.editeval.domain.ports;

import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.quality.Adjudication;
import dev.editeval.domain.quality.DisagreementRecord;
import dev.editeval.domain.quality.Extension;
import dev.editeval.domain.quality.SafetyEscalation;
import java.util.List;
import java.util.Optional;

/**
 * What a lead reviews, each on an item of its own beside the task's ratings: the tasks whose ratings disagree (with
 * the extensions that disagreement caused), the lead's adjudicated answers, and the outputs flagged unsafe. Each kind
 * is listed by one index query, never a scan: the lists are as long as the disagreements and flags, not the ratings.
 */
public interface ReviewRepository {

    /**
     * Records where a task's ratings stand, on condition that no later round is recorded (a delivery of an older
     * round never overwrites a newer one); an extension is appended once, however often the write is retried.
     */
    void recordDisagreement(DisagreementRecord record, Optional<Extension> extended);

    /** Every task whose ratings disagreed, in no particular order. */
    List<DisagreementRecord> disagreements();

    Optional<DisagreementRecord> disagreement(TaskRef task);

    /**
     * Stores the answer: only when the task has none, or in place of the one there when {@code replace}.
     *
     * @return false when one was there and {@code replace} is not set
     */
    boolean putAdjudication(Adjudication adjudication, boolean replace);

    Optional<Adjudication> adjudication(TaskRef task);

    List<Adjudication> adjudications();

    /** Records a flag once: a retried submit finds it and changes nothing (a resolution stays). */
    void escalate(SafetyEscalation escalation);

    /** @param resolved false: the open ones; true: the resolved ones */
    List<SafetyEscalation> escalations(boolean resolved);

    Optional<SafetyEscalation> escalation(TaskRef task, String model, String evaluatorId);

    /** Resolves an open escalation; false when it is not there or already resolved. */
    boolean resolve(SafetyEscalation escalation, SafetyEscalation.Resolution resolution);
}
