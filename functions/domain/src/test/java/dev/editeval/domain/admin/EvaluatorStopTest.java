package dev.editeval.domain.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editeval.domain.fakes.InMemoryPorts;
import dev.editeval.domain.fakes.TestBatch;
import dev.editeval.domain.ports.EvaluatorRepository;
import dev.editeval.domain.rating.LeaseOutcome;
import org.junit.jupiter.api.Test;

/** Issue 14 item 5: an admin pauses, removes and resumes an evaluator, and every lease reads it. */
class EvaluatorStopTest {

    private final InMemoryPorts ports = InMemoryPorts.create();

    @Test
    void pause_stopsEveryLeaseWithTheReasonAndGivesTheirLeasesToOthers() {
        ports.ingestAndPreview(TestBatch.of("b").ratersPerTask(1).task("t01", "Make it blue", "model-a"));
        assertThat(ports.services().leaseService().leaseNext("ada")).isInstanceOf(LeaseOutcome.Leased.class);

        ports.services().adminService().stop("ada", EvaluatorRepository.Stop.PAUSED, "too fast on gold, 3 s a task");

        assertThat(ports.services().leaseService().leaseNext("ada"))
                .isEqualTo(new LeaseOutcome.Refused("paused", "too fast on gold, 3 s a task"));
        assertThat(ports.services().leaseService().leaseNext("bob")).as("her lease was given back")
                .isInstanceOf(LeaseOutcome.Leased.class);
        assertThat(ports.evaluators().desk("ada").live(ports.clock().instant())).as("no place kept").isZero();
        assertThat(ports.services().adminService().evaluators()).filteredOn(p -> p.evaluatorId().equals("ada"))
                .singleElement().satisfies(p -> assertThat(p.stopped()).get()
                        .extracting(EvaluatorRepository.Stop::code).isEqualTo("paused"));
    }

    @Test
    void resume_afterRemove_leasesAgain() {
        ports.ingestAndPreview(TestBatch.of("b").ratersPerTask(1).task("t01", "Make it blue", "model-a"));
        ports.services().adminService().stop("ada", EvaluatorRepository.Stop.REMOVED, "");
        assertThat(ports.services().leaseService().leaseNext("ada")).isInstanceOfSatisfying(
                LeaseOutcome.Refused.class, r -> assertThat(r.reason()).isEqualTo("a lead removed you; ask them why"));

        ports.services().adminService().resume("ada");

        assertThat(ports.services().leaseService().leaseNext("ada")).isInstanceOf(LeaseOutcome.Leased.class);
    }

    @Test
    void stop_withAnotherCode_isRefused() {
        assertThatThrownBy(() -> ports.services().adminService().stop("ada", "banned", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not banned");
    }
}
