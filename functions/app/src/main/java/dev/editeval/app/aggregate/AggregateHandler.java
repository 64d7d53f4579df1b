package dev.editeval.app.aggregate;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.editeval.app.runtime.Wiring;
import dev.editeval.domain.export.ExportDay;
import dev.editeval.domain.export.ExportService;
import dev.editeval.domain.export.ExportSummary;
import dev.editeval.domain.export.SetAside;
import dev.editeval.domain.services.Services;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.logging.argument.StructuredArguments;

/**
 * Nightly (EventBridge Scheduler) or on demand: aggregates the ratings into an export committed by
 * {@code exports/dt=YYYY-MM-DD/_manifest.json}, after any day the nights before missed. The input may name the
 * date as {@code {"date": "2026-11-28"}}; the default is yesterday in UTC, the day the nightly run closes.
 */
public final class AggregateHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(AggregateHandler.class);

    /** The answer's count of the escalations the night put back. */
    static final String RESTORED = "escalationsRestored";

    private final ExportService exports;
    private final Clock clock;

    public AggregateHandler() {
        this(Wiring.fromEnvironment());
    }

    public AggregateHandler(Services services) {
        this(services.exportService(), services.ports().clock());
    }

    AggregateHandler(ExportService exports, Clock clock) {
        this.exports = exports;
        this.clock = clock;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        return PowertoolsLogging.withLogging(context, () -> {
            Object date = input == null ? null : input.get("date");
            // the schedule names no day: it closes yesterday; a day named by hand is checked as the API checks it
            LocalDate day = date == null ? ExportDay.nightly(clock.instant())
                    : ExportDay.onDemand(Optional.of(ExportDay.parse(date.toString())), clock.instant());
            ExportSummary summary = exports.export(day);
            LOG.info("exported {}: {} ratings of the day, {} in all, to {}; days written {}", day,
                    summary.dayRatings(), summary.ratings(), summary.folder(), summary.written());
            // the stack's metric filter counts this field and alarms on it
            summary.setAside().forEach(left -> LOG.warn("set aside {}: {}", left.name(), left.reason(),
                    StructuredArguments.entry(SetAside.LOG_FIELD, 1)));
            // a submit lost this escalation's write; the night put it back on the lead's list
            summary.restored().forEach(restored -> LOG.warn("escalation restored {}", restored.id()));
            return Map.of("folder", summary.folder(), "dayRatings", summary.dayRatings(), "ratings",
                    summary.ratings(), "written", summary.written().stream().map(LocalDate::toString).toList(),
                    SetAside.LOG_FIELD, summary.setAside().size(), RESTORED, summary.restored().size());
        });
    }
}
