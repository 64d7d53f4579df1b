package dev.editeval.local.faults;

import dev.editeval.domain.topology.FunctionSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Kills a function at a named step: its n-th DynamoDB call since it was armed, before the call reaches the table or
 * after the table applied it. From then on every call the function makes fails before reaching the table, as a dead
 * process makes none, until it is {@link #recover recovered}. The local runtime runs each function on threads named
 * for it, which is how a call is told to be the function's.
 */
public final class CrashInterceptor implements ExecutionInterceptor {

    public enum When { BEFORE_THE_CALL, AFTER_IT_APPLIED }

    private static final class Armed {
        final int step;
        final When when;
        int calls;
        boolean dead;

        Armed(int step, When when) {
            this.step = step;
            this.when = when;
        }
    }

    private final Map<String, Armed> armed = new HashMap<>();

    /** Kills the function at its {@code step}-th call from now (1 is the next). */
    public synchronized void arm(FunctionSpec function, int step, When when) {
        armed.put(function.name(), new Armed(step, when));
    }

    /** Counts the function's calls from now, killing nothing. */
    public synchronized void count(FunctionSpec function) {
        arm(function, Integer.MAX_VALUE, When.AFTER_IT_APPLIED);
    }

    public synchronized int calls(FunctionSpec function) {
        return Optional.ofNullable(armed.get(function.name())).map(a -> a.calls).orElse(0);
    }

    /** Armed to die, or counting, or dead: not running as it would unwatched. */
    public synchronized boolean armed(FunctionSpec function) {
        return armed.containsKey(function.name());
    }

    public synchronized boolean dead(FunctionSpec function) {
        return Optional.ofNullable(armed.get(function.name())).map(a -> a.dead).orElse(false);
    }

    /** The function runs again: a new instance, as after a kill. */
    public synchronized void recover(FunctionSpec function) {
        armed.remove(function.name());
    }

    private synchronized Optional<Armed> mine() {
        String thread = Thread.currentThread().getName();
        return armed.entrySet().stream().filter(e -> thread.equals(e.getKey()) || thread.startsWith(e.getKey() + "-"))
                .map(Map.Entry::getValue).findFirst();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        strike(When.BEFORE_THE_CALL);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        strike(When.AFTER_IT_APPLIED);
    }

    /** At this moment of a call: a dead function makes none; an armed one dies at its step. */
    private synchronized void strike(When now) {
        Optional<Armed> function = mine();
        if (function.isEmpty()) {
            return;
        }
        Armed a = function.get();
        if (now == When.BEFORE_THE_CALL) {
            if (a.dead) {
                throw crash("the function is dead");
            }
            a.calls++;
        }
        if (!a.dead && a.calls == a.step && a.when == now) {
            a.dead = true;
            throw crash(now == When.BEFORE_THE_CALL ? "killed before call " + a.calls
                    : "killed after call " + a.calls + " applied");
        }
    }

    private static SdkClientException crash(String why) {
        return SdkClientException.create("injected crash: " + why);
    }
}
