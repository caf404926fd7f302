package dev.cove.cli.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cove.cli.TestProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One target's child process: environment, output, exit code, time limit, interruption. */
@Timeout(60)
class ExecFunctionTest {

    private static ExecFunction sh(String script) {
        return new ExecFunction(List.of("sh", "-c", script), null, null, 1024 * 1024);
    }

    @Test
    void apply_whenCommandSucceeds_returnsItsStdoutAndStderr() throws Exception {
        ChildOutcome outcome = sh("echo '{\"a\": 1}'; echo warning >&2").apply(FakeSession.of());

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout()).isEqualTo("{\"a\": 1}\n");
        assertThat(outcome.stderr()).isEqualTo("warning\n");
        assertThat(outcome.stdoutDroppedBytes()).isZero();
        assertThat(outcome.timedOut()).isFalse();
    }

    @Test
    void apply_givesTheTargetsCredentialsAndIdentity_onlyInTheEnvironment() throws Exception {
        String script = """
                [ "$AWS_ACCESS_KEY_ID" = "%s" ] && [ "$AWS_SECRET_ACCESS_KEY" = "%s" ] \
                  && [ "$AWS_SESSION_TOKEN" = "%s" ] && echo credentials-ok
                echo "$AWS_REGION $AWS_DEFAULT_REGION $COVE_ACCOUNT_ID $COVE_ACCOUNT_NAME $COVE_REGION $COVE_PARTITION"
                echo "profile=${AWS_PROFILE:-none} endpoint=${AWS_ENDPOINT_URL:-none}"
                """.formatted(FakeSession.ACCESS_KEY, FakeSession.SECRET_KEY, FakeSession.SESSION_TOKEN);

        ChildOutcome outcome = sh(script).apply(FakeSession.of());

        assertThat(outcome.stdout().lines()).containsExactly("credentials-ok",
                "eu-west-1 eu-west-1 111122223333 acct-0001 eu-west-1 aws", "profile=none endpoint=none");
    }

    @Test
    void apply_withEndpoint_setsAwsEndpointUrl() throws Exception {
        ExecFunction fn = new ExecFunction(List.of("sh", "-c", "echo $AWS_ENDPOINT_URL"), null,
                "http://127.0.0.1:5000", 1024);

        assertThat(fn.apply(FakeSession.of()).stdout()).isEqualTo("http://127.0.0.1:5000\n");
    }

    @Test
    void apply_closesStdin() throws Exception {
        ChildOutcome outcome = sh("cat; echo end-of-input").apply(FakeSession.of());

        assertThat(outcome.stdout()).isEqualTo("end-of-input\n");
    }

    @Test
    void apply_whenCommandExitsNonZero_throwsWithExitCodeStdoutAndStderr() {
        ChildFailedException failure = catchThrowableOfType(ChildFailedException.class,
                () -> sh("echo partial; echo 'access denied' >&2; exit 3").apply(FakeSession.of()));

        assertThat(failure).hasMessage("command exited with code 3");
        assertThat(failure.outcome().exitCode()).isEqualTo(3);
        assertThat(failure.outcome().stdout()).isEqualTo("partial\n");
        assertThat(failure.outcome().stderr()).isEqualTo("access denied\n");
    }

    @Test
    void apply_whenOutputExceedsTheCap_keepsTheCapAndCountsTheRest_withoutBlockingTheChild() throws Exception {
        int cap = 64 * 1024;
        ExecFunction fn = new ExecFunction(List.of("sh", "-c",
                "head -c 3000000 /dev/zero | tr '\\0' o; head -c 2000000 /dev/zero | tr '\\0' e >&2"),
                Duration.ofSeconds(30), null, cap);

        ChildOutcome outcome = fn.apply(FakeSession.of());

        assertThat(outcome.stdout()).hasSize(cap).matches("o+");
        assertThat(outcome.stdoutDroppedBytes()).isEqualTo(3_000_000 - cap);
        assertThat(outcome.stderr()).hasSize(cap);
        assertThat(outcome.stderrDroppedBytes()).isEqualTo(2_000_000 - cap);
    }

    @Test
    void apply_whenTimeIsUp_killsTheCommandAndItsDescendants(@TempDir Path dir) throws Exception {
        Path pids = dir.resolve("pids");
        ExecFunction fn = new ExecFunction(List.of("sh", "-c",
                "sleep 60 & echo $! > " + pids + "; echo started; sleep 60"), Duration.ofMillis(700), null, 1024);
        long started = System.nanoTime();

        ChildFailedException failure = catchThrowableOfType(ChildFailedException.class,
                () -> fn.apply(FakeSession.of()));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(failure).hasMessage("command timed out after 700ms and was killed");
        assertThat(failure.outcome().timedOut()).isTrue();
        assertThat(failure.outcome().stdout()).isEqualTo("started\n");
        long grandchild = Long.parseLong(Files.readString(pids).strip());
        assertThat(TestProcesses.endsWithin(grandchild, Duration.ofSeconds(5))).as("grandchild ended").isTrue();
    }

    @Test
    void apply_whenInterrupted_killsTheCommandAndThrowsInterruptedException(@TempDir Path dir) throws Exception {
        Path pids = dir.resolve("pids");
        ExecFunction fn = sh("echo $$ > " + pids + "; sleep 60");
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        Thread worker = Thread.ofVirtual().start(() -> {
            try {
                fn.apply(FakeSession.of());
                thrown.complete(null);
            } catch (Throwable t) {
                thrown.complete(t);
            }
        });
        while (!Files.exists(pids) || Files.readString(pids).isBlank()) {
            Thread.sleep(20);
        }

        worker.interrupt();

        assertThat(thrown.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        long child = Long.parseLong(Files.readString(pids).strip());
        assertThat(TestProcesses.endsWithin(child, Duration.ofSeconds(5))).as("child " + child + " ended").isTrue();
    }

    @Test
    void apply_runsTheCommandInASessionOfItsOwn_soCtrlCOnTheTerminalReachesCoveOnly() throws Exception {
        // field 6 of /proc/PID/stat is the session ID; the shell's own PID is $$
        ChildOutcome outcome = sh("echo $$ $(cut -d' ' -f6 /proc/$$/stat)").apply(FakeSession.of());

        String[] pidAndSession = outcome.stdout().strip().split(" ");
        assertThat(pidAndSession[1]).as("session of the child").isEqualTo(pidAndSession[0]);
    }

    @Test
    void apply_whenTheCommandLeavesABackgroundProcessHoldingItsOutput_endsIt_withoutWaitingForIt(
            @TempDir Path dir) throws Exception {
        Path pids = dir.resolve("pids");
        long started = System.nanoTime();

        ChildOutcome outcome = sh("sleep 60 & echo $! > " + pids + "; echo done").apply(FakeSession.of());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(outcome.stdout()).isEqualTo("done\n");
        long leftover = Long.parseLong(Files.readString(pids).strip());
        assertThat(TestProcesses.endsWithin(leftover, Duration.ofSeconds(1))).as("background process ended").isTrue();
    }

    @Test
    void apply_whenTheCommandLeavesAnOrphanedProcess_endsIt(@TempDir Path dir) throws Exception {
        Path pids = dir.resolve("pids");

        // the subshell exits at once: its sleep is re-parented away from the child's tree, but stays in its session
        sh("(sleep 60 > /dev/null 2>&1 & echo $! > " + pids + "); echo done").apply(FakeSession.of());

        long orphan = Long.parseLong(Files.readString(pids).strip());
        assertThat(TestProcesses.endsWithin(orphan, Duration.ofSeconds(3))).as("orphan " + orphan + " ended").isTrue();
    }

    @Test
    void endAll_endsEveryChildStillRunning_withItsDescendants(@TempDir Path dir) throws Exception {
        Path pids = dir.resolve("pids");
        ExecFunction fn = sh("sleep 60 & echo $! > " + pids + "; sleep 60");
        Thread.ofVirtual().start(() -> {
            try {
                fn.apply(FakeSession.of());
            } catch (Exception expected) {
                // the child is killed below
            }
        });
        while (!Files.exists(pids) || Files.readString(pids).isBlank()) {
            Thread.sleep(20);
        }

        fn.endAll();

        long grandchild = Long.parseLong(Files.readString(pids).strip());
        assertThat(TestProcesses.endsWithin(grandchild, Duration.ofSeconds(5))).as("grandchild ended").isTrue();
    }

    @Test
    void apply_whenProgramCannotStart_throws() {
        ExecFunction fn = new ExecFunction(List.of("/nonexistent/program"), null, null, 1024);

        assertThatThrownBy(() -> fn.apply(FakeSession.of())).isInstanceOf(java.io.IOException.class);
    }
}
