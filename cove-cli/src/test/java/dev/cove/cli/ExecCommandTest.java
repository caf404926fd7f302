package dev.cove.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cove.cli.output.Records;
import dev.cove.testkit.AwsShape;
import dev.cove.testkit.Fault;
import dev.cove.testkit.FaultProxy;
import dev.cove.testkit.FaultRule;
import dev.cove.testkit.MotoExtension;
import dev.cove.testkit.OrgFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code cove exec} in this JVM against moto: options, formats parsed back, failures and exit codes. */
@ParameterizedClass(name = "answering as {0}")
@EnumSource(AwsShape.class)
class ExecCommandTest {

    /** How the AWS API answers: as moto does, or as AWS does today. */
    @Parameter
    AwsShape shape;

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    /** Prints the target as JSON, from the environment the command gave it. */
    private static final String PRINT_TARGET =
            "printf '{\"account\": \"%s\", \"region\": \"%s\"}\\n' \"$COVE_ACCOUNT_ID\" \"$COVE_REGION\"";

    private OrgFixture org;

    @BeforeEach
    void buildOrganization() {
        org = SmallOrganization.build(MOTO.endpoint());
    }

    private Cli.Run exec(List<String> options, String... command) {
        List<String> args = new ArrayList<>(List.of("exec", "--endpoint-url", MOTO.endpoint(shape).toString()));
        args.addAll(options);
        args.add("--");
        args.addAll(List.of(command));
        return Cli.run(args.toArray(String[]::new));
    }

    private List<String> sortedMembers() {
        return org.memberIds().stream().sorted().toList();
    }

    @Test
    void exec_json_givesOneResultPerTarget_withTheCommandsJsonAsResult() {
        Cli.Run run = exec(List.of("--format", "json", "--regions", "us-east-1,eu-west-1"), "sh", "-c", PRINT_TARGET);

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode document = run.json();
        assertThat(document.fieldNames()).toIterable().containsExactly("Results", "Exceptions", "FailedAssumeRole");
        JsonNode results = document.get("Results");
        assertThat(results).hasSize(org.memberIds().size() * 2);
        for (JsonNode result : results) {
            assertThat(result.get("Result").get("account").asText()).isEqualTo(result.get("Id").asText());
            assertThat(result.get("Result").get("region").asText()).isEqualTo(result.get("Region").asText());
            assertThat(result.get("AssumeRoleSuccess").asBoolean()).isTrue();
            assertThat(result.get("ExitCode").asInt()).isZero();
            assertThat(result.has("Outcome")).isFalse();
        }
        assertThat(results.findValuesAsText("Id")).containsExactlyElementsOf(
                sortedMembers().stream().flatMap(id -> Stream.of(id, id)).toList());
        assertThat(run.err()).startsWith("cove: 8 targets in ").contains("8 succeeded, 0 exceptions, 0 failed assume-role");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void exec_everySelectionOption_reachesTheRecords(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("policy.json");
        String policyText = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
        Files.writeString(policy, policyText);
        String edge = org.memberIdsUnder("prod/web/edge").get(0);

        Cli.Run run = exec(List.of("--target-ids", org.ouId("prod"), "--target-ids", org.ouId("sandbox"),
                "--ignore-ids", edge, "--role-name", "OrganizationAccountAccessRole",
                "--role-session-name", "cove-audit", "--policy", "@" + policy,
                "--policy-arns", "arn:aws:iam::aws:policy/ReadOnlyAccess,arn:aws:iam::aws:policy/SecurityAudit",
                "--external-id", "ext-4242", "--regions", "eu-central-1", "--partition", "aws", "--workers", "2",
                "--fail-fast", "--no-progress", "--max-failures", "3", "--timeout", "30s", "--format", "jsonl"),
                "sh", "-c", "echo $COVE_ACCOUNT_ID");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> lines = run.jsonLines();
        assertThat(lines).extracting(line -> line.get("Id").asText()).containsExactlyInAnyOrderElementsOf(
                org.memberIds().stream().filter(id -> !id.equals(edge)).toList());
        for (JsonNode line : lines) {
            assertThat(line.get("Result").asText()).isEqualTo(line.get("Id").asText());
            assertThat(line.get("RoleName").asText()).isEqualTo("OrganizationAccountAccessRole");
            assertThat(line.get("RoleSessionName").asText()).isEqualTo("cove-audit");
            assertThat(line.get("Policy").asText()).isEqualTo(policyText);
            assertThat(line.get("PolicyArns")).extracting(JsonNode::asText).containsExactly(
                    "arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/SecurityAudit");
            assertThat(line.get("ExternalId").asText()).isEqualTo("ext-4242");
            assertThat(line.get("Region").asText()).isEqualTo("eu-central-1");
            assertThat(line.get("Partition").asText()).isEqualTo("aws");
            assertThat(line.get("Outcome").asText()).isEqualTo("Result");
        }
    }

    @Test
    void exec_policyAsText_isPassedAsTyped() {
        Cli.Run run = exec(List.of("--policy", "{\"Version\":\"2012-10-17\",\"Statement\":[]}", "--target-ids",
                org.ouId("sandbox"), "--format", "jsonl"), "true");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.jsonLines().get(0).get("Policy").asText()).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[]}");
        assertThat(run.jsonLines().get(0).get("Result").asText()).isEmpty();
    }

    @Test
    void exec_csv_hasEveryKeyAsAColumn_andOneRowPerTarget() {
        Cli.Run run = exec(List.of("--format", "csv"), "sh", "-c", PRINT_TARGET);

        List<Map<String, String>> rows = Cli.csv(run.out());
        assertThat(rows.get(0).keySet()).containsExactlyElementsOf(Records.EXEC_KEYS);
        assertThat(rows).extracting(row -> row.get("Id")).containsExactlyElementsOf(sortedMembers());
        for (Map<String, String> row : rows) {
            assertThat(row.get("Outcome")).isEqualTo("Result");
            assertThat(Cli.parse(row.get("Result")).get("account").asText()).isEqualTo(row.get("Id"));
        }
    }

    @Test
    void exec_table_showsOneLinePerTarget_withResultOrFailure() {
        String sandbox = org.memberIdsUnder("sandbox").get(0);

        Cli.Run run = exec(List.of("--format", "table"), "sh", "-c",
                "if [ $COVE_ACCOUNT_ID = " + sandbox + " ]; then echo 'no access' >&2; exit 5; fi; echo fine");

        assertThat(run.exitCode()).isEqualTo(1);
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("ACCOUNT").contains("NAME", "REGION", "OUTCOME", "RESULT / DETAILS");
        assertThat(lines).hasSize(5);
        assertThat(lines).filteredOn(line -> line.startsWith(sandbox)).singleElement().asString()
                .contains("Exception", "command exited with code 5: no access");
        assertThat(lines).filteredOn(line -> line.contains("Result")).hasSize(3).allMatch(line -> line.endsWith("fine"));
    }

    @Test
    void exec_table_showsTheProgramsControlCharacters_insteadOfSendingThemToTheTerminal() {
        Cli.Run run = exec(List.of("--format", "table", "--target-ids", org.ouId("sandbox")), "printf",
                "\\033[31mred\\033[0m\\tcolumn\\n");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("\u001b", "\t")
                .contains("Result   ^[[31mred^[[0m column");
    }

    @Test
    void exec_whenTheCommandFailsSomewhere_exits1_andKeepsItsExitCodeAndStderr() {
        String sandbox = org.memberIdsUnder("sandbox").get(0);

        Cli.Run run = exec(List.of("--format", "json"), "sh", "-c",
                "echo out; if [ $COVE_ACCOUNT_ID = " + sandbox + " ]; then echo denied >&2; exit 9; fi");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode exceptions = run.json().get("Exceptions");
        assertThat(exceptions).hasSize(1);
        assertThat(exceptions.get(0).get("Id").asText()).isEqualTo(sandbox);
        assertThat(exceptions.get(0).get("ExceptionDetails").asText()).isEqualTo("command exited with code 9");
        assertThat(exceptions.get(0).get("ExitCode").asInt()).isEqualTo(9);
        assertThat(exceptions.get(0).get("Stdout").asText()).isEqualTo("out");
        assertThat(exceptions.get(0).get("Stderr").asText()).isEqualTo("denied");
        assertThat(run.json().get("Results")).hasSize(3);
        assertThat(run.err().lines().toList()).hasSize(2).last()
                .isEqualTo("  command exited with code 9 ×1 (" + sandbox + ")");
        assertThat(run.err()).contains("3 succeeded, 1 exception, 0 failed assume-role");
    }

    @Test
    void exec_whenTheRoleCannotBeAssumed_reportsFailedAssumeRole_andExits1() {
        String denied = org.memberIdsUnder("sandbox").get(0);
        try (FaultProxy proxy = FaultProxy.builder(MOTO.endpoint()).awsToday(shape == AwsShape.AWS_TODAY).start()) {
            proxy.addRule(FaultRule.on("AssumeRole").whenParamContains("RoleArn", denied)
                    .then(Fault.accessDenied("not allowed in the sandbox")));

            Cli.Run run = Cli.run("exec", "--endpoint-url", proxy.endpoint().toString(), "--format", "json",
                    "--", "true");

            assertThat(run.exitCode()).isEqualTo(1);
            JsonNode failed = run.json().get("FailedAssumeRole");
            assertThat(failed).hasSize(1);
            assertThat(failed.get(0).get("Id").asText()).isEqualTo(denied);
            assertThat(failed.get(0).get("AssumeRoleSuccess").asBoolean()).isFalse();
            assertThat(failed.get(0).get("ExceptionDetails").asText()).contains("not allowed in the sandbox");
            assertThat(failed.get(0).get("ErrorCode").asText()).isEqualTo("AccessDenied");
            assertThat(run.json().get("Results")).hasSize(3);
            assertThat(run.err()).contains("1 failed assume-role\n  AccessDenied ×1 (" + denied + ")\n");
        }
    }

    @Test
    void exec_whenTheCallersCredentialsAreRejected_exits2_withOneLine() {
        try (FaultProxy proxy = FaultProxy.builder(MOTO.endpoint()).awsToday(shape == AwsShape.AWS_TODAY).start()) {
            proxy.addRule(FaultRule.on("GetCallerIdentity")
                    .then(Fault.awsError(403, "InvalidClientTokenId", "The security token included in the request is invalid")));

            Cli.Run run = Cli.run("exec", "--endpoint-url", proxy.endpoint().toString(), "--", "true");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err().lines().findFirst().orElseThrow()).startsWith("cove: ")
                    .contains("The security token included in the request is invalid");
            assertThat(run.err()).doesNotContain("\tat ");
        }
    }

    @Test
    void exec_failFast_stopsAtTheFirstFailure_andExits1() {
        Cli.Run run = exec(List.of("--fail-fast", "--workers", "1", "--format", "json"), "sh", "-c", "exit 3");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode failed = run.json().get("Exceptions").get(0);
        assertThat(run.json().get("Exceptions")).hasSize(1);
        assertThat(run.json().get("Results")).isEmpty();
        assertThat(run.json().get("Skipped")).hasSize(3).allSatisfy(skipped -> assertThat(
                skipped.get("ExceptionDetails").asText()).isEqualTo("not started: --fail-fast stopped the run"));
        assertThat(run.err().lines()).contains("cove: --fail-fast stopped the run: account " + failed.get("Id").asText()
                + " region us-east-1 failed: command exited with code 3");
        assertThat(run.err()).doesNotContain("raiseException", "ChildFailedException", "dev.cove");
    }

    @Test
    void exec_failFast_whenTheRoleCannotBeAssumed_namesTheRole() {
        try (FaultProxy proxy = FaultProxy.builder(MOTO.endpoint()).awsToday(shape == AwsShape.AWS_TODAY).start()) {
            proxy.addRule(FaultRule.on("AssumeRole").then(Fault.accessDenied("not allowed here")));

            Cli.Run run = Cli.run("exec", "--endpoint-url", proxy.endpoint().toString(), "--fail-fast", "--workers",
                    "1", "--format", "json", "--", "true");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).containsPattern("cove: --fail-fast stopped the run: account \\d{12} region us-east-1"
                    + " failed: could not assume role OrganizationAccountAccessRole: \\w+: .*not allowed here");
        }
    }

    @Test
    void exec_maxFailures_skipsTheRest_andListsThemAsSkipped() {
        Cli.Run run = exec(List.of("--max-failures", "0", "--workers", "1", "--format", "json"), "sh", "-c", "exit 3");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.json().get("Exceptions")).hasSize(1);
        assertThat(run.json().get("Skipped")).hasSize(3);
        assertThat(run.json().get("Skipped").get(0).get("ExceptionDetails").asText())
                .isEqualTo("not started: more than --max-failures 0 targets failed");
        assertThat(run.err()).contains("3 skipped");
    }

    @Test
    void exec_maxFailures_jsonl_endsWithTheSkippedTargets() {
        Cli.Run run = exec(List.of("--max-failures", "0", "--workers", "1", "--format", "jsonl"), "sh", "-c", "exit 3");

        assertThat(run.jsonLines()).extracting(line -> line.get("Outcome").asText())
                .containsExactly("Exception", "Skipped", "Skipped", "Skipped");
        assertThat(run.jsonLines().subList(1, 4)).allSatisfy(skipped -> assertThat(skipped.get("Reason").asText())
                .isEqualTo("more than --max-failures 0 targets failed"));
        assertThat(run.jsonLines().get(0).get("StartedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(run.jsonLines().get(0).get("DurationMs").isIntegralNumber()).isTrue();
    }

    @Test
    void exec_timeout_killsTheCommand_andReportsTheTargetAsTimedOut() {
        long started = System.nanoTime();

        Cli.Run run = exec(List.of("--timeout", "1s", "--target-ids", org.ouId("sandbox"), "--format", "json"),
                "sh", "-c", "echo waiting; sleep 60");

        assertThat((System.nanoTime() - started) / 1_000_000_000).isLessThan(20);
        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode record = run.json().get("Exceptions").get(0);
        assertThat(record.get("ExceptionDetails").asText()).isEqualTo("command timed out after 1s and was killed");
        assertThat(record.get("TimedOut").asBoolean()).isTrue();
        assertThat(record.get("Stdout").asText()).isEqualTo("waiting");
    }

    @Test
    void exec_whenTheCommandPrintsALot_keepsTheCapAndRecordsWhatWasDropped() {
        Cli.Run run = exec(List.of("--target-ids", org.ouId("sandbox"), "--format", "json"),
                "sh", "-c", "head -c 3000000 /dev/zero | tr '\\0' x; head -c 1500000 /dev/zero | tr '\\0' y >&2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode record = run.json().get("Results").get(0);
        assertThat(record.get("Result").asText()).hasSize(ExecCommand.DEFAULT_MAX_OUTPUT_BYTES).matches("x+");
        assertThat(record.get("StdoutTruncatedBytes").asLong()).isEqualTo(3_000_000 - ExecCommand.DEFAULT_MAX_OUTPUT_BYTES);
        assertThat(record.get("StderrTruncatedBytes").asLong()).isEqualTo(1_500_000 - ExecCommand.DEFAULT_MAX_OUTPUT_BYTES);
    }

    @Test
    void exec_maxOutputBytes_setsTheCap() {
        Cli.Run run = exec(List.of("--target-ids", org.ouId("sandbox"), "--format", "json", "--max-output-bytes", "10"),
                "sh", "-c", "echo 0123456789abcdef");

        JsonNode record = run.json().get("Results").get(0);
        assertThat(record.get("Result").asText()).isEqualTo("0123456789");
        assertThat(record.get("StdoutTruncatedBytes").asLong()).isEqualTo(7);
    }

    @Test
    void exec_outputJsonl_streamsRecordsToTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.jsonl");

        Cli.Run run = exec(List.of("--format", "jsonl", "--output", file.toString()), "sh", "-c", PRINT_TARGET);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        List<JsonNode> lines = Cli.jsonLines(Files.readString(file));
        assertThat(lines).extracting(line -> line.get("Id").asText()).containsExactlyInAnyOrderElementsOf(org.memberIds());
        assertThat(lines).allSatisfy(line -> assertThat(line.get("Outcome").asText()).isEqualTo("Result"));
    }

    @Test
    void exec_outputJson_replacesTheFileAtomically(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.json");
        Files.writeString(file, "previous run");

        Cli.Run run = exec(List.of("--format", "json", "--output", file.toString()), "true");

        assertThat(run.exitCode()).isZero();
        assertThat(Cli.parse(Files.readString(file)).get("Results")).hasSize(4);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void exec_argumentsAfterTheCommand_belongToTheCommand() {
        Cli.Run run = exec(List.of("--target-ids", org.ouId("sandbox"), "--format", "jsonl"),
                "echo", "--regions", "@file", "--format");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.jsonLines().get(0).get("Result").asText()).isEqualTo("--regions @file --format");
    }
}
