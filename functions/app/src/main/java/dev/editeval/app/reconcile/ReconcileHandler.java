package dev.editeval.app.reconcile;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.editeval.app.runtime.Wiring;
import dev.editeval.domain.reconcile.ReconcileReport;
import dev.editeval.domain.reconcile.Reconciler;
import dev.editeval.domain.services.Services;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The reconciler on its schedule ({@code Topology.RECONCILE_EVERY}): logs each thing it found and did, one line
 * each, and answers the report. The input is ignored; a run repeated changes nothing twice.
 */
public final class ReconcileHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcileHandler.class);

    private final Reconciler reconciler;

    public ReconcileHandler() {
        this(Wiring.fromEnvironment());
    }

    public ReconcileHandler(Services services) {
        this(services.reconciler());
    }

    ReconcileHandler(Reconciler reconciler) {
        this.reconciler = reconciler;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        return PowertoolsLogging.withLogging(context, () -> {
            ReconcileReport report = reconciler.run();
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("ingestRedriven", log("ingest run again", report.ingestRedriven()));
            answer.put("previewsResent", log("previews queued again", report.previewsResent()));
            answer.put("previewsGivenUp", log("previews given up", report.previewsGivenUp()));
            answer.put("reopened", log("reopened", report.reopened()));
            List<String> left = report.leftForAPerson();
            left.forEach(line -> LOG.error("dead letter left for a person: {}", line));
            answer.put("leftForAPerson", left);
            if (report.nothingToDo()) {
                LOG.info("nothing stuck");
            }
            return answer;
        });
    }

    private static List<String> log(String what, List<String> lines) {
        lines.forEach(line -> LOG.warn("{}: {}", what, line));
        return lines;
    }
}
