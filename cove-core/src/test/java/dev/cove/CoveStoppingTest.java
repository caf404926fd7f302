package dev.cove;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cove.testkit.AwsShape;
import dev.cove.testkit.Fault;
import dev.cove.testkit.FaultProxy;
import dev.cove.testkit.FaultRule;
import dev.cove.testkit.MotoExtension;
import dev.cove.testkit.OrgFixture;
import dev.cove.testkit.OrganizationBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
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
        assertThat(out.exceptions()).as("stopped targets are no exceptions").isEmpty();
        assertThat(out.interrupted()).hasSize(2).allSatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(CoveOutcome.INTERRUPTED);
            assertThat(e.exception()).isInstanceOf(InterruptedException.class);
            assertThat(e.assumeRoleSuccess()).isTrue();
        });
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
            assertThat(partial.exceptions()).as("only the failure that stopped the run").hasSize(1);
            assertThat(partial.interrupted()).as("the others were stopped mid-way").hasSize(11)
                    .allSatisfy(i -> assertThat(i.exception()).isInstanceOf(InterruptedException.class));
            assertThat(partial.results()).isEmpty();
            Outcomes.assertEveryTargetOnce(partial, org.memberIds(), List.of("us-east-1", "eu-west-1"));
        });

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void run_withRaiseException_reportsTargetsStoppedDuringAssumeRoleAsInterrupted_neverAsFailedAssumeRole() {
        String failing = org.memberIds().get(0);
        FaultProxy proxy = SharedProxy.cleared(AwsShape.MOTO);
        proxy.addRule(FaultRule.on("AssumeRole").when(r -> !r.paramContains("RoleArn", failing)).always()
                .then(Fault.latency(Duration.ofSeconds(3))));
        CountDownLatch otherRegionRuns = new CountDownLatch(1);
        long started = System.nanoTime();

        assertThatThrownBy(() -> LocalCove.against(proxy.endpoint()).regions("us-east-1", "eu-west-1")
                .targetIds(org.memberIds()).threadWorkers(12).raiseException(true).build().run(session -> {
                    if (session.accountId().equals(failing) && session.region().id().equals("us-east-1")) {
                        while (proxy.count("AssumeRole") < 6) {
                            Thread.sleep(10); // until every other account is waiting on its AssumeRole
                        }
                        otherRegionRuns.await();
                        throw new IllegalStateException("first failure");
                    }
                    otherRegionRuns.countDown();
                    Thread.sleep(60_000);
                    return "never";
                })).isInstanceOfSatisfying(CoveExecutionException.class, e -> {
                    CoveOutput<?> partial = e.output();
                    assertThat(partial.failedAssumeRole()).as("no permissions problem is invented").isEmpty();
                    assertThat(partial.exceptions()).singleElement()
                            .satisfies(f -> assertThat(f.id() + "/" + f.region()).isEqualTo(failing + "/us-east-1"));
                    assertThat(partial.interrupted()).filteredOn(i -> !i.id().equals(failing))
                            .as("one per account caught in AssumeRole").hasSize(5)
                            .allSatisfy(i -> assertThat(i.assumeRoleSuccess()).isFalse());
                    assertThat(partial.interrupted()).filteredOn(i -> i.id().equals(failing))
                            .as("the failing account's other region, stopped in its function").singleElement()
                            .satisfies(i -> assertThat(i.exception()).isInstanceOf(InterruptedException.class));
                    assertThat(partial.skipped()).hasSize(5).allSatisfy(s -> assertThat(s.exception())
                            .hasMessageContaining("raiseException: account " + failing));
                    Outcomes.assertEveryTargetOnce(partial, org.memberIds(), List.of("us-east-1", "eu-west-1"));
                });

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void run_whenStoppedEarly_tellsTheListenerOfEveryTargetOnce_theSkippedOnesToo() {
        List<CoveResult<?>> heard = new CopyOnWriteArrayList<>();

        CoveOutput<String> out = cove().threadWorkers(1).maxFailures(0).build().run(session -> {
            throw new IllegalStateException("broken");
        }, heard::add);

        assertThat(heard).hasSize(12);
        assertThat(heard).filteredOn(r -> r.outcome() == CoveOutcome.SKIPPED).hasSize(11)
                .allSatisfy(r -> assertThat(r.exception()).hasMessage("not started: 1 targets failed, more than"
                        + " maxFailures 0"));
        assertThat(heard).extracting(r -> r.id() + "/" + r.region()).doesNotHaveDuplicates();
        List<CoveResult<String>> all = new ArrayList<>(out.exceptions());
        all.addAll(out.skipped());
        assertThat(heard).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void run_saysWhenEachTargetStartedAndHowLongItTook() {
        Instant before = Instant.now();

        CoveOutput<String> out = cove().build().run(session -> {
            Thread.sleep(200);
            return "slept";
        });

        Instant after = Instant.now();
        assertThat(out.results()).hasSize(12).allSatisfy(r -> {
            assertThat(r.startedAt()).isBetween(before, after);
            assertThat(r.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
            assertThat(r.startedAt().plus(r.duration())).isBeforeOrEqualTo(after);
        });
    }

    @Test
    void run_whenFunctionThrowsVirtualMachineError_doesNotSwallowIt() {
        assertThatThrownBy(() -> cove().build().run(session -> {
            throw new OutOfMemoryError("simulated");
        })).isInstanceOf(OutOfMemoryError.class).hasMessage("simulated");
    }
}
