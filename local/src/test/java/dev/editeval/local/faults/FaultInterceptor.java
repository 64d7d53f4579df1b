package dev.editeval.local.faults;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Seeded faults on a share of DynamoDB attempts: half never reach the table (the call fails), half reach it, apply,
 * and lose their answer (a 500 the SDK retries, or an error the caller sees when it is the last attempt).
 */
public final class FaultInterceptor implements ExecutionInterceptor {

    private final SplittableRandom random;
    private final double rate;
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger lostAfterWrite = new AtomicInteger();

    public FaultInterceptor(long seed, double rate) {
        this.random = new SplittableRandom(seed);
        this.rate = rate;
    }

    private synchronized double roll() {
        return random.nextDouble();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (roll() < rate / 2) {
            refused.incrementAndGet();
            throw SdkClientException.create("injected: the call never reached the table");
        }
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        if (roll() < rate / 2) {
            lostAfterWrite.incrementAndGet();
            return context.httpResponse().toBuilder().statusCode(500).build();
        }
        return context.httpResponse();
    }

    public int refused() {
        return refused.get();
    }

    public int lostAfterWrite() {
        return lostAfterWrite.get();
    }
}
