package dev.editeval.local.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Times each DynamoDB call a client makes, by operation: the whole call, the part on the wire (the stand-in's own
 * time and the socket) and the answer's size, so a load run can say where a request's time goes.
 */
public final class TimingInterceptor implements ExecutionInterceptor {

    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("timing.started");
    private static final ExecutionAttribute<Long> SENT = new ExecutionAttribute<>("timing.sent");
    private static final ExecutionAttribute<Long> ANSWERED = new ExecutionAttribute<>("timing.answered");
    private static final ExecutionAttribute<Long> BYTES = new ExecutionAttribute<>("timing.bytes");

    /** One call: its operation, its whole time and its time on the wire (ms), and the answer's bytes. */
    public record Call(String operation, double millis, double wireMillis, long bytes) {
    }

    private final List<Call> calls = new ArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        attributes.putAttribute(SENT, System.nanoTime());
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        attributes.putAttribute(ANSWERED, System.nanoTime());
        attributes.putAttribute(BYTES, context.httpResponse().firstMatchingHeader("Content-Length")
                .map(Long::parseLong).orElse(-1L));
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        long now = System.nanoTime();
        Long started = attributes.getAttribute(STARTED);
        Long sent = attributes.getAttribute(SENT);
        Long answered = attributes.getAttribute(ANSWERED);
        Long bytes = attributes.getAttribute(BYTES);
        if (started == null || sent == null || answered == null) {
            return;
        }
        Call call = new Call(context.request().getClass().getSimpleName().replace("Request", ""),
                (now - started) / 1e6, (answered - sent) / 1e6, bytes == null ? -1 : bytes);
        synchronized (this) {
            calls.add(call);
        }
    }

    /** Every call timed so far, in order of their ends. */
    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Per operation: the calls timed, keyed by operation name, sorted. */
    public synchronized Map<String, List<Call>> byOperation() {
        Map<String, List<Call>> by = new TreeMap<>();
        calls.forEach(call -> by.computeIfAbsent(call.operation(), k -> new ArrayList<>()).add(call));
        return by;
    }
}
