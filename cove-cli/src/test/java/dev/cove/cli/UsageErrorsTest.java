package dev.cove.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad usage and bad configuration exit 2 with one line naming the bad value, before any AWS call; help and
 * version exit 0. None of these needs an emulator.
 */
class UsageErrorsTest {

    /**
     * Each row: the arguments (split on spaces; {@code _} stands for a space inside one), the flag or argument
     * at fault, and the rule it breaks, as the one line on stderr gives them.
     */
    @ParameterizedTest(name = "cove {0}")
    @CsvSource(delimiter = '|', value = {
        "exec --bogus -- true                        | '--bogus'               | Unknown option",
        "exec --format yaml -- true                  | '--format'              | expected one of table, json, jsonl, csv but was 'yaml'",
        "exec --timeout soon -- true                 | '--timeout'             | 'soon' is not a duration",
        "exec --timeout 0s -- true                   | '--timeout'             | '0s' must be a positive duration",
        "exec --workers many -- true                 | '--workers'             | 'many' is not an int",
        "exec --regions                              | '--regions'             | Missing required parameter",
        "exec                                        | 'COMMAND'               | Missing required parameter",
        "exec -- no-such-program-anywhere            | COMMAND                 | 'no-such-program-anywhere' is not an executable file nor a program on PATH",
        "exec --policy @/no/such/policy.json -- true | '--policy'              | no such file: /no/such/policy.json",
        "exec --endpoint-url ftp://example -- true   | '--endpoint-url'        | 'ftp://example' is not an http:// or https:// URL with a host",
        "exec --profile no-such-profile -- true      | '--profile'             | no profile named 'no-such-profile'",
        "exec --max-output-bytes -1 -- true          | '--max-output-bytes'    | must be at least 0, got -1",
        "exec --output /no/such/dir/out.json -- true | '--output'              | directory /no/such/dir does not exist",
        "exec --target-ids cat -- true               | --target-ids:           | provided id is neither an AWS account (12 digits), an OU (ou-xxxx-xxxxxxxx), a root (r-xxxx) nor an OU path (/Prod/Web): 'cat'",
        "exec --target-ids 123456789012,cat -- true  | --target-ids:           | nor an OU path (/Prod/Web): 'cat'",
        "exec --ignore-ids dog -- true               | --ignore-ids:           | nor an OU path (/Prod/Web): 'dog'",
        "exec --regions mars-north-1 -- true         | --regions:              | unknown AWS region 'mars-north-1'",
        "exec --partition azure -- true              | --partition:            | not an AWS partition: 'azure'",
        "exec --policy _ -- true                     | --policy:               | is blank",
        "exec --workers 0 -- true                    | --workers:              | must be at least 1, got 0",
        "exec --workers 10001 -- true                | --workers:              | must be at most 10000, got 10001",
        "exec --role-name bad_name -- true           | --role-name:            | not a valid IAM role name: 'bad name'",
        "exec --role-session-name x -- true          | --role-session-name:    | not a valid STS role session name: 'x'",
        "exec --policy-arns nope -- true             | --policy-arns:          | not an IAM policy ARN: 'nope'",
        "exec --external-id a_b -- true              | --external-id:          | not a valid external ID: 'a b'",
        "exec --max-failures -2 -- true              | --max-failures:         | must be 0 or more (or -1 for no limit), got -2",
        "targets --target-ids cat                    | --target-ids:           | nor an OU path (/Prod/Web): 'cat'",
        "targets --target-ids /Prod//Web             | --target-ids:           | an OU path names one OU after each '/', and '/Prod//Web' has an empty name",
        "targets --ignore-ids /Prod//Web             | --ignore-ids:           | has an empty name",
        "exec --include prod -- true                 | --include:              | 'prod' has no '='; write KEY=VALUE[,VALUE...]",
        "targets --include colour=blue               | --include:              | unknown key 'colour' in 'colour=blue'; the keys are id, name, email, state, ou or tag:KEY",
        "targets --exclude tag:=x                    | --exclude:              | tag: needs a tag key in 'tag:=x'",
        "targets --include ou=Prod                   | --include:              | ou values are OU paths from the root, starting with /",
        "targets --include state=ACTIV               | --include:              | unknown account state 'ACTIV'",
        "targets --include name=a,,b                 | --include:              | an empty value in 'name=a,,b'",
        "targets --regions xx-*                      | --regions:              | the glob 'xx-*' matches no AWS region",
        "exec --exclude-regions all -- true          | --exclude-regions:      | 'all' would leave no region",
        "exec --exclude-regions mars-1 -- true       | --exclude-regions:      | unknown AWS region 'mars-1'",
        "targets --targets-file /no/such/targets     | --targets-file:         | cannot read /no/such/targets: no such file",
        "exec --include-host=maybe -- true           | '--include-host'        | Invalid value",
        "targets --unknown                           | '--unknown'             | Unknown option",
        "targets --fail-fast                         | '--fail-fast'           | Unknown option",
        "targets --timeout 5m                        | '--timeout'             | Unknown option",
        "''                                          | 'cove targets'          | Missing command",
        "frobnicate                                  | 'frobnicate'            | Unmatched argument",
    })
    void badInput_exits2_withOneLineNamingTheFlagAndTheRule(String args, String flag, String rule) {
        String[] argv = args.isEmpty() ? new String[0]
                : Arrays.stream(args.split(" +")).map(arg -> arg.replace('_', ' ')).toArray(String[]::new);

        Cli.Run run = Cli.run(argv);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        String line = run.err().lines().findFirst().orElseThrow();
        assertThat(line).startsWith("cove: ").contains(flag, rule);
        if (flag.endsWith(":")) {
            assertThat(line).as("a setting Cove cannot work with: its flag first").startsWith("cove: " + flag + " ");
        }
        assertThat(run.err()).doesNotContain("\tat ", "Run again with --debug");
    }

    @Test
    void badInput_withDebug_printsTheStackTrace() {
        Cli.Run run = Cli.run("targets", "--debug", "--workers", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("cove: --workers: must be at least 1, got 0")
                .contains("CoveConfigurationException", "\tat ");
    }

    @Test
    void help_listsEveryOptionAndExamples_andExits0() {
        Cli.Run run = Cli.run("exec", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--target-ids", "--ignore-ids", "--role-name", "--role-session-name",
                "--policy", "--policy-arns", "--external-id", "--regions", "--partition", "--workers", "--profile",
                "--endpoint-url", "--fail-fast", "--no-progress", "--format", "--output", "--timeout", "--debug",
                "--targets-file", "--include", "--exclude", "--include-host", "--exclude-regions", "--yes",
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
