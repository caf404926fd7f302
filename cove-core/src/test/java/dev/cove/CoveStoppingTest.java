package dev.cove;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cove.testkit.MotoExtension;
import dev.cove.testkit.OrgFixture;
import dev.cove.testkit.OrganizationBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How a run ends early (timeouts, failure tolerance, interruption, fatal errors) and loses nothing. */
class CoveStoppingTest {

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private OrgFixture org;

    @BeforeEach
    void buildOrganization() {
        org = OrganizationBuilder.on(MOTO.endpoint()).ou("apps", apps -> apps.accounts(6)).build();
    }

    private Cove.Builder cove() {
        return LocalCove.against(MOTO.endpoint()).regions("us-east-1", "eu-west-1");
    }

    /** The invariant of every run: each target is in exactly one list. */
    @Test
    void run_whenFunctionOutlivesTimeout_interruptsItAndReportsTimeout() {
        String slow = org.memberIds().get(0);

        CoveOutput<String> out = cove().timeout(Duration.ofMillis(300)).build().run(session -> {
            if (session.accountId().equals(slow)) {
                Thread.sleep(30_000);
            }
            return "fast";
        });

        assertThat(out.exceptions()).hasSize(2).allSatisfy(e -> {
            assertThat(e.id()).isEqualTo(slow);
            assertThat(e.exception()).isInstanceOf(TimeoutException.class)
                    .hasMessageContaining("PT0.3S").hasCauseInstanceOf(InterruptedException.class);
        });
        assertThat(out.results()).hasSize(10);
        Outcomes.assertEveryTargetOnce(out, org.memberIds(), List.of("us-east-1", "eu-west-1"));
    }

    @Test
    void run_whenFailuresExceedMaxFailures_startsNoNewTargetAndReportsTheRestAsSkipped() {
        AtomicInteger started = new AtomicInteger();

        CoveOutput<String> out = cove().threadWorkers(1).maxFailures(1).build().run(session -> {
            started.incrementAndGet();
            throw new IllegalStateException("broken");
        });

        assertThat(started).hasValue(2);
        assertThat(out.exceptions()).hasSize(2);
        assertThat(out.skipped()).hasSize(10).allSatisfy(s -> {
            assertThat(s.outcome()).isEqualTo(CoveOutcome.SKIPPED);
            assertThat(s.exception()).isInstanceOf(CancellationException.class)
                    .hasMessageContaining("more than maxFailures 1");
        });
        assertThat(out.allSucceeded()).isFalse();
        Outcomes.assertEveryTargetOnce(out, org.memberIds(), List.of("us-east-1", "eu-west-1"));
    }

    @Test
    void run_whenFailuresStayWithinMaxFailures_runsEveryTarget() {
        String failing = org.memberIds().get(0);

        CoveOutput<String> out = cove().threadWorkers(1).maxFailures(2).build().run(session -> {
            if (session.accountId().equals(failing)) {
                throw new IllegalStateException("broken");
            }
            return "ok";
        });

        assertThat(out.exceptions()).hasSize(2);
        assertThat(out.results()).hasSize(10);
        assertThat(out.skipped()).isEmpty();
    }

    @Test
    void run_whenCallingThreadIsInterrupted_stopsPromptlyAndReportsEveryFinishedTarget() throws Exception {
        CountDownLatch firstFinished = new CountDownLatch(2);
        AtomicReference<CoveOutput<String>> output = new AtomicReference<>();
        AtomicReference<Boolean> interruptFlag = new AtomicReference<>();
        Cove cove = cove().threadWorkers(2).build();
        AtomicInteger calls = new AtomicInteger();

        Thread caller = Thread.ofPlatform().start(() -> {
            output.set(cove.run(session -> {
                if (calls.incrementAndGet() <= 2) {
                    return "quick";
                }
                Thread.sleep(60_000);
                return "never";
            }, result -> firstFinished.countDown()));
            interruptFlag.set(Thread.currentThread().isInterrupted());
        });
        assertThat(firstFinished.await(30, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200);
        long interruptedAt = System.nanoTime();
        caller.interrupt();
        caller.join(Duration.ofSeconds(20));

        assertThat(caller.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - interruptedAt)).isLessThan(Duration.ofSeconds(5));
        CoveOutput<String> out = output.get();
        assertThat(out.results()).hasSize(2).allSatisfy(r -> assertThat(r.result()).isEqualTo("quick"));
        assertThat(out.exceptions()).hasSize(2)
                .allSatisfy(e -> assertThat(e.exception()).isInstanceOf(InterruptedException.class));
        assertThat(out.skipped()).hasSize(8)
                .allSatisfy(s -> assertThat(s.exception()).hasMessageContaining("interrupted"));
        assertThat(interruptFlag.get()).as("interrupt flag restored").isTrue();
        Outcomes.assertEveryTargetOnce(out, org.memberIds(), List.of("us-east-1", "eu-west-1"));
    }

    @Test
    void run_withRaiseException_interruptsRunningTargetsAndReturnsPromptly() {
        String failing = org.memberIds().get(0);
        long started = System.nanoTime();

        assertThatThrownBy(() -> cove().threadWorkers(12).raiseException(true).build().run(session -> {
            if (session.accountId().equals(failing) && session.region().id().equals("us-east-1")) {
                Thread.sleep(500);
                throw new IllegalStateException("first failure");
            }
            Thread.sleep(60_000);
            return "never";
        })).isInstanceOfSatisfying(CoveExecutionException.class, e -> {
            assertThat(e).hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining(failing);
            CoveOutput<?> partial = e.output();
            assertThat(partial.exceptions()).anySatisfy(f -> {
                assertThat(f.id()).isEqualTo(failing);
                assertThat(f.exception()).hasMessage("first failure");
            });
            assertThat(partial.exceptions()).as("the others were interrupted").hasSize(12);
            assertThat(partial.results()).isEmpty();
            Outcomes.assertEveryTargetOnce(partial, org.memberIds(), List.of("us-east-1", "eu-west-1"));
        });

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void run_whenFunctionThrowsVirtualMachineError_doesNotSwallowIt() {
        assertThatThrownBy(() -> cove().build().run(session -> {
            throw new OutOfMemoryError("simulated");
        })).isInstanceOf(OutOfMemoryError.class).hasMessage("simulated");
    }
}
