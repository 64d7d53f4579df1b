package dev.editeval.local.faults;

import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Loses the answer of one DynamoDB call after the table applied it, once armed: either the answer turns into a 500,
 * which the SDK retries (its retry finds its own write), or into an error the caller sees, as when the SDK gave up.
 */
public final class LostAnswerInterceptor implements ExecutionInterceptor {

    public enum Mode { RETRIED, FAILED }

    private Predicate<SdkRequest> target;
    private Mode mode;
    private int lost;

    /** Loses the answer of the next call that matches. */
    public synchronized void arm(Predicate<SdkRequest> call, Mode how) {
        this.target = call;
        this.mode = how;
    }

    public synchronized int lost() {
        return lost;
    }

    private synchronized Optional<Mode> strike(SdkRequest request) {
        if (target == null || !target.test(request)) {
            return Optional.empty();
        }
        target = null;
        lost++;
        return Optional.of(mode);
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        Optional<Mode> struck = strike(context.request());
        if (struck.isEmpty()) {
            return context.httpResponse();
        }
        if (struck.get() == Mode.FAILED) {
            throw SdkClientException.create("the answer to " + context.request().getClass().getSimpleName()
                    + " was lost after it applied");
        }
        return context.httpResponse().toBuilder().statusCode(500).build();
    }
}
