package dev.editeval.local.cli;

import dev.editeval.domain.rating.LeaseService;
import java.time.Duration;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The load run's A/B switch, so the reference and the change run in one load, alternated: in the reference's windows
 * a lease's first open-work query asks for {@link LeaseService#PAGE} entries, as every query did before the first
 * page was made small. Windows pair up; the reference runs first in even pairs and second in odd ones (ABBA), so a
 * drift in the load favours neither.
 */
final class ReferencePages implements ExecutionInterceptor {

    private final long start = System.nanoTime();
    private final long window;

    ReferencePages(Duration window) {
        this.window = window.toNanos();
    }

    /** Whether a request sent at {@code nanos} ({@link System#nanoTime()}) ran as the reference. */
    boolean reference(long nanos) {
        long number = Math.max(0, nanos - start) / window;
        return (pair(nanos) % 2 == 0) == (number % 2 == 0);
    }

    int pair(long nanos) {
        return (int) (Math.max(0, nanos - start) / window / 2);
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (context.request() instanceof QueryRequest query
                && query.limit() != null && query.limit() == LeaseService.FIRST_PAGE
                && reference(System.nanoTime())) {
            return query.toBuilder().limit(LeaseService.PAGE).build();
        }
        return context.request();
    }
}
