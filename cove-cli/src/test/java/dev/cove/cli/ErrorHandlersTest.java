package dev.cove.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cove.CoveConfigurationException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Which errors are the user's (exit 2, one line) and which are Cove's (exit 1, one line and a hint). */
class ErrorHandlersTest {

    /** A command that fails as it is told to. */
    @Command(name = "fails")
    static final class Failing implements Callable<Integer> {

        @Option(names = "--debug")
        boolean debug;

        private final Exception failure;

        Failing(Exception failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            throw failure;
        }
    }

    private static Cli.Run fail(Exception failure, String... args) {
        ErrorHandlers handlers = new ErrorHandlers();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new Failing(failure)).setParameterExceptionHandler(handlers)
                .setExecutionExceptionHandler(handlers);
        command.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        return new Cli.Run(command.execute(args), out.toString(), err.toString());
    }

    @Test
    void configurationException_exits2_underTheFlagThatSetsTheOption() {
        Cli.Run run = fail(new CoveConfigurationException("roleSessionName", "x",
                "not a valid STS role session name: 'x'", null));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("cove: --role-session-name: not a valid STS role session name: 'x'\n");
    }

    @Test
    void configurationException_ofAnOptionNoFlagSets_isShownUnderTheOptionsName() {
        Cli.Run run = fail(new CoveConfigurationException("apiCallAttemptTimeout", "PT0S", "must be positive", null));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("cove: apiCallAttemptTimeout: must be positive\n");
    }

    @Test
    void sdkMissingCredentialsOrRegion_exits2_withTheSdksWords() {
        Cli.Run credentials = fail(SdkClientException.create("Unable to load credentials from any of the providers"));
        Cli.Run region = fail(SdkClientException.create("Unable to load region from any of the providers"));

        assertThat(credentials.exitCode()).isEqualTo(2);
        assertThat(credentials.err()).isEqualTo("cove: Unable to load credentials from any of the providers\n");
        assertThat(region.exitCode()).isEqualTo(2);
        assertThat(region.err()).isEqualTo("cove: Unable to load region from any of the providers\n");
    }

    @Test
    void anyOtherException_exits1_withItsTypeAndAHint_evenTheOnesThatLookLikeBadInput() {
        for (Exception bug : new Exception[] {new IllegalStateException("boom"), new IllegalArgumentException("boom"),
            SdkClientException.create("boom")}) {
            Cli.Run run = fail(bug);

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).isEqualTo("cove: error: " + bug.getClass().getSimpleName() + ": boom\n"
                    + "Run again with --debug for the stack trace.\n");
        }
    }

    @Test
    void anyOtherException_isOneLine_evenWithoutAMessage_orWithSeveralLines() {
        assertThat(fail(new NullPointerException()).err().lines().findFirst())
                .contains("cove: error: NullPointerException");
        assertThat(fail(new IllegalStateException("first\n  second\r\nthird")).err().lines().findFirst())
                .contains("cove: error: IllegalStateException: first second third");
    }

    @Test
    void withDebug_everyErrorPrintsItsStackTrace_insteadOfTheHint() {
        Cli.Run bug = fail(new IllegalStateException("boom"), "--debug");
        Cli.Run setting = fail(new CoveConfigurationException("regions", "[]", "must not be empty", null), "--debug");

        assertThat(bug.exitCode()).isEqualTo(1);
        assertThat(bug.err()).startsWith("cove: error: IllegalStateException: boom\n").contains("\tat ")
                .doesNotContain("Run again");
        assertThat(setting.exitCode()).isEqualTo(2);
        assertThat(setting.err()).startsWith("cove: --regions: must not be empty\n").contains("\tat ");
    }
}
