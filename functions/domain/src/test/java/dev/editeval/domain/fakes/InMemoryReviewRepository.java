package dev.editeval.domain.fakes;

import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.ports.ReviewRepository;
import dev.editeval.domain.quality.Adjudication;
import dev.editeval.domain.quality.DisagreementRecord;
import dev.editeval.domain.quality.Extension;
import dev.editeval.domain.quality.SafetyEscalation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The review items with the conditions of {@code DynamoDbReviewRepository}. */
public final class InMemoryReviewRepository implements ReviewRepository {

    private final Map<TaskRef, DisagreementRecord> disagreements = new LinkedHashMap<>();
    private final Map<TaskRef, Adjudication> adjudications = new LinkedHashMap<>();
    private final Map<String, SafetyEscalation> escalations = new LinkedHashMap<>();

    @Override
    public synchronized void recordDisagreement(DisagreementRecord record, Optional<Extension> extended) {
        DisagreementRecord before = disagreements.get(record.task());
        if (before != null && before.disagreement().ratings() > record.disagreement().ratings()) {
            return;
        }
        List<DisagreementRecord.Extended> extensions = new ArrayList<>(before == null ? List.of()
                : before.extensions());
        extended.filter(e -> extensions.stream().noneMatch(x -> x.extension().fromRaters() == e.fromRaters()))
                .ifPresent(e -> extensions.add(new DisagreementRecord.Extended(e, record.at())));
        disagreements.put(record.task(), new DisagreementRecord(record.task(), record.disagreement(),
                record.ratersPerTask(), extensions, record.at()));
    }

    @Override
    public synchronized List<DisagreementRecord> disagreements() {
        return List.copyOf(disagreements.values());
    }

    @Override
    public synchronized Optional<DisagreementRecord> disagreement(TaskRef task) {
        return Optional.ofNullable(disagreements.get(task));
    }

    @Override
    public synchronized boolean putAdjudication(Adjudication adjudication, boolean replace) {
        if (!replace && adjudications.containsKey(adjudication.task())) {
            return false;
        }
        adjudications.put(adjudication.task(), adjudication);
        return true;
    }

    @Override
    public synchronized Optional<Adjudication> adjudication(TaskRef task) {
        return Optional.ofNullable(adjudications.get(task));
    }

    @Override
    public synchronized List<Adjudication> adjudications() {
        return List.copyOf(adjudications.values());
    }

    @Override
    public synchronized void escalate(SafetyEscalation escalation) {
        escalations.putIfAbsent(escalation.id(), escalation);
    }

    @Override
    public synchronized List<SafetyEscalation> escalations(boolean resolved) {
        return escalations.values().stream().filter(e -> e.resolution().isPresent() == resolved)
                .sorted(Comparator.comparing(SafetyEscalation::flaggedAt)).toList();
    }

    @Override
    public synchronized Optional<SafetyEscalation> escalation(TaskRef task, String model, String evaluatorId) {
        return escalations.values().stream().filter(e -> e.task().equals(task) && e.model().equals(model)
                && e.evaluatorId().equals(evaluatorId)).findFirst();
    }

    @Override
    public synchronized boolean resolve(SafetyEscalation escalation, SafetyEscalation.Resolution resolution) {
        SafetyEscalation now = escalations.get(escalation.id());
        if (now == null || now.resolution().isPresent()) {
            return false;
        }
        escalations.put(escalation.id(), now.resolved(resolution));
        return true;
    }
}
