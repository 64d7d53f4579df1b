package dev.editeval.domain.fakes;

import dev.editeval.domain.ports.ExportRequests;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The days asked for, in order; nothing runs. */
public final class InMemoryExportRequests implements ExportRequests {

    private final List<LocalDate> days = new ArrayList<>();

    @Override
    public synchronized void request(LocalDate day) {
        days.add(day);
    }

    public synchronized List<LocalDate> days() {
        return List.copyOf(days);
    }
}
