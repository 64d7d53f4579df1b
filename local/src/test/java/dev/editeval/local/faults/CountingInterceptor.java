package dev.editeval.local.faults;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** Counts the calls a DynamoDB client makes (one per operation, whatever the SDK retries inside it), by name. */
public final class CountingInterceptor implements ExecutionInterceptor {

    private final List<String> calls = new ArrayList<>();

    @Override
    public synchronized void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        calls.add(context.request().getClass().getSimpleName().replace("Request", ""));
    }

    /** The calls since the last time this was asked, in order, and starts counting again. */
    public synchronized List<String> take() {
        List<String> taken = List.copyOf(calls);
        calls.clear();
        return taken;
    }
}
