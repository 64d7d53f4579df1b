package dev.editeval.domain.ports;

import dev.editeval.domain.model.BatchRecord;
import java.util.List;
import java.util.Optional;

/** Batch records. */
public interface BatchRepository {

    Optional<BatchRecord> find(String batchId);

    /** Writes the record unless an accepted or ingesting batch of that id exists; false when one does. */
    boolean claim(BatchRecord batch);

    void save(BatchRecord batch);

    List<BatchRecord> list();
}
