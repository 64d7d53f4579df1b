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

    private final long window;
    /** Where the first window begins: the race's start, so the upload before it takes none of them. */
    private volatile long start = Long.MAX_VALUE;

    ReferencePages(Duration window) {
        this.window = window.toNanos();
    }

    void begin() {
        start = System.nanoTime();
    }

    /** Whether a request sent at {@code nanos} ({@link System#nanoTime()}) ran as the reference. */
    boolean reference(long nanos) {
        long number = since(nanos) / window;
        return (pair(nanos) % 2 == 0) == (number % 2 == 0);
    }

    int pair(long nanos) {
        return (int) (since(nanos) / window / 2);
    }

    private long since(long nanos) {
        return nanos - start < 0 ? 0 : nanos - start;
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
