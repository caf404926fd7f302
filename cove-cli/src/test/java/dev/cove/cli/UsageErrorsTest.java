package dev.cove.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad usage and bad configuration exit 2 with one line naming the bad value, before any AWS call; help and
 * version exit 0. None of these needs an emulator.
 */
class UsageErrorsTest {

    @ParameterizedTest(name = "cove {0}")
    @CsvSource(delimiter = '|', value = {
        "exec --bogus -- true                              | Unknown option: '--bogus'",
        "exec --format yaml -- true                        | yaml",
        "exec --timeout soon -- true                       | 'soon' is not a duration",
        "exec --timeout 0s -- true                         | must be a positive duration",
        "exec --workers many -- true                       | many",
        "exec --regions                                    | Missing required parameter for option '--regions'",
        "exec                                              | Missing required parameter: 'COMMAND'",
        "exec -- no-such-program-anywhere                  | 'no-such-program-anywhere' is not an executable",
        "exec --policy @/no/such/policy.json -- true       | no such file: /no/such/policy.json",
        "exec --endpoint-url ftp://example -- true         | 'ftp://example' is not an http:// or https:// URL",
        "exec --profile no-such-profile -- true            | no profile named 'no-such-profile'",
        "exec --max-output-bytes -1 -- true                | must be at least 0, got -1",
        "exec --output /no/such/dir/out.json -- true       | directory /no/such/dir does not exist",
        "exec --target-ids cat -- true                     | --target-ids: provided id is neither",
        "exec --target-ids 123456789012,cat -- true        | 'cat'",
        "exec --ignore-ids dog -- true                     | --ignore-ids",
        "exec --regions mars-north-1 -- true               | --regions: unknown AWS region 'mars-north-1'",
        "exec --partition azure -- true                    | --partition is not an AWS partition: 'azure'",
        "exec --policy {] -- true                          | --policy is not a JSON policy document",
        "exec --workers 0 -- true                          | --workers must be at least 1, got 0",
        "exec --role-session-name x -- true                | x",
        "targets --target-ids cat                          | 'cat'",
        "targets --unknown                                 | Unknown option: '--unknown'",
        "''                                                | Missing command",
        "frobnicate                                        | Unmatched argument at index 0: 'frobnicate'",
    })
    void badInput_exits2_withOneLineNamingTheValue(String args, String expected) {
        Cli.Run run = Cli.run(args.isEmpty() ? new String[0] : args.split(" +"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().findFirst().orElseThrow()).startsWith("cove: ").contains(expected);
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void badInput_withDebug_printsTheStackTrace() {
        Cli.Run run = Cli.run("targets", "--debug", "--workers", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("IllegalArgumentException", "\tat ");
    }

    @Test
    void help_listsEveryOptionAndExamples_andExits0() {
        Cli.Run run = Cli.run("exec", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--target-ids", "--ignore-ids", "--role-name", "--role-session-name",
                "--policy", "--policy-arns", "--external-id", "--regions", "--partition", "--workers", "--profile",
                "--endpoint-url", "--fail-fast", "--no-progress", "--format", "--output", "--timeout", "--debug",
                "Examples:", "Exit codes:");
    }

    @Test
    void version_namesCoveAndJava_andExits0() {
        Cli.Run run = Cli.run("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("cove ").contains("Java ");
    }

    @Test
    void generateCompletion_printsABashScriptForEveryCommand() {
        Cli.Run run = Cli.run("generate-completion");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("complete -F", "cove", "exec", "targets", "--target-ids", "jsonl");
    }

    @Test
    void policyFile_isReadAsTyped_notExpandedAsArguments(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("policy.json");
        java.nio.file.Files.writeString(policy, "{\"Version\": \"2012-10-17\", \"Statement\": []}");

        // Fails later (no such region), after the policy file was read without complaint.
        Cli.Run run = Cli.run("targets", "--policy", "@" + policy, "--regions", "mars-north-1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("mars-north-1").doesNotContain("--policy");
    }
}
