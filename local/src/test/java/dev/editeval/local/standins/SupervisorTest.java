package dev.editeval.local.standins;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class SupervisorTest {

    /** A child that exits when told to. */
    private static final class FakeChild implements Supervisor.Child {
        private final long pid;
        private final CompletableFuture<Integer> exited = new CompletableFuture<>();

        FakeChild(long pid) {
            this.pid = pid;
        }

        void die(int code) {
            exited.complete(code);
        }

        @Override
        public long pid() {
            return pid;
        }

        @Override
        public CompletableFuture<Integer> exited() {
            return exited;
        }

        @Override
        public String stderr() {
            return "segfault at " + pid;
        }

        @Override
        public void close() {
            exited.complete(0);
        }
    }

    private final List<FakeChild> children = new ArrayList<>(List.of(new FakeChild(1)));
    private final AtomicInteger launches = new AtomicInteger();

    private Supervisor supervisor() {
        return new Supervisor("dynalite", children.getFirst(), () -> {
            FakeChild next = new FakeChild(children.size() + 1);
            children.add(next);
            launches.incrementAndGet();
            return next;
        }, Clock.systemUTC());
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    @Test
    void whenTheChildDies_itIsStartedAgainAndIsUpWithItsNewPid() throws InterruptedException {
        Supervisor supervisor = supervisor();

        children.getFirst().die(137);

        awaitTrue(() -> launches.get() == 1 && supervisor.up());
        assertThat(supervisor.pid()).isEqualTo(2);
        assertThat(supervisor.lost()).isNotDone();
    }

    @Test
    void whenTheChildDiesMoreOftenThanAllowed_itGivesUpSayingWhy() throws InterruptedException {
        Supervisor supervisor = supervisor();

        for (int death = 0; death <= Supervisor.MAX_RESTARTS; death++) {
            int dying = death;
            children.get(dying).die(1);
            awaitTrue(() -> children.size() > dying + 1 || supervisor.lost().isDone());
        }

        awaitTrue(() -> supervisor.lost().isDone());
        assertThat(launches.get()).isEqualTo(Supervisor.MAX_RESTARTS);
        assertThat(supervisor.up()).isFalse();
        assertThat(supervisor.lost().getNow("")).contains("exited 4 times within 5 minutes", "segfault at 4");
    }

    @Test
    void whenStoppedWhileAChildIsBeingStartedAgain_theNewChildIsStoppedToo() throws Exception {
        CountDownLatch relaunching = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        FakeChild second = new FakeChild(2);
        Supervisor supervisor = new Supervisor("dynalite", children.getFirst(), () -> {
            relaunching.countDown();
            await(mayFinish);
            return second;
        }, Clock.systemUTC());
        children.getFirst().die(137);
        assertThat(relaunching.await(5, TimeUnit.SECONDS)).isTrue();

        Thread closer = Thread.ofVirtual().start(supervisor::close);
        Thread.sleep(100);
        mayFinish.countDown();
        closer.join(5000);

        assertThat(second.exited()).as("the child started during close is not left running").isDone();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void whenStoppedOnPurpose_itIsNotStartedAgain() throws InterruptedException {
        Supervisor supervisor = supervisor();

        supervisor.close();
        Thread.sleep(Duration.ofMillis(100));

        assertThat(launches.get()).isZero();
        assertThat(supervisor.lost()).isNotDone();
    }
}
