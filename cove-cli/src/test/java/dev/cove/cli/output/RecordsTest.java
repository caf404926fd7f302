package dev.cove.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cove.CoveResult;
import dev.cove.CoveTarget;
import dev.cove.SessionInformation;
import dev.cove.cli.exec.ChildFailedException;
import dev.cove.cli.exec.ChildOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Records carry botocove's PascalCase keys, in botocove's order, with absent values omitted. */
class RecordsTest {

    private static final SessionInformation FULL = new SessionInformation("111122223333",
            "arn:aws:organizations::123456789012:account/o-x/111122223333", "a@example.com", "prod", null, "ACTIVE",
            "Admin", "audit", "{\"Version\":\"2012-10-17\"}", List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"),
            "ext-1", "eu-west-1", "aws", true, null, null);
    private static final SessionInformation BARE = new SessionInformation("111122223333", null, null, null, null,
            null, "OrganizationAccountAccessRole", "OrganizationAccountAccessRole", null, List.of(), null,
            "us-east-1", "aws", true, null, null);

    private static ChildOutcome child(int exit, String stdout, long dropped) {
        return new ChildOutcome(exit, stdout, dropped, "", 0, false, Duration.ofMillis(5));
    }

    @Test
    void outcome_ofAResult_hasEveryKeyInBotocovesOrder() {
        ObjectNode record = Records.outcome(CoveResult.ofResult(FULL, child(0, "{\"n\": 3}\n", 0)), true, null);

        assertThat(record.fieldNames()).toIterable().containsExactly("Id", "Arn", "Email", "Name", "State",
                "Region", "Partition", "RoleName", "RoleSessionName", "Policy", "PolicyArns", "ExternalId",
                "AssumeRoleSuccess", "Outcome", "Result", "ExitCode");
        assertThat(record.get("Result").get("n").asInt()).isEqualTo(3);
        assertThat(record.get("Outcome").asText()).isEqualTo("Result");
        assertThat(record.get("PolicyArns").get(0).asText()).isEqualTo("arn:aws:iam::aws:policy/ReadOnlyAccess");
    }

    @Test
    void outcome_withoutMetadata_omitsAbsentValues() {
        ObjectNode record = Records.outcome(CoveResult.ofResult(BARE, child(0, "plain text\n\n", 0)), false, null);

        assertThat(record.fieldNames()).toIterable().containsExactly("Id", "Region", "Partition", "RoleName",
                "RoleSessionName", "AssumeRoleSuccess", "Result", "ExitCode");
        assertThat(record.get("Result").asText()).isEqualTo("plain text");
    }

    @Test
    void outcome_ofAFailedCommand_keepsExitCodeStdoutStderrAndTruncation() {
        ChildOutcome outcome = new ChildOutcome(7, "half", 100, "boom\n", 0, false, Duration.ofSeconds(1));

        ObjectNode record = Records.outcome(CoveResult.ofException(BARE, new ChildFailedException(outcome, null)),
                true, null);

        assertThat(record.get("Outcome").asText()).isEqualTo("Exception");
        assertThat(record.get("ExceptionDetails").asText()).isEqualTo("command exited with code 7");
        assertThat(record.get("ExitCode").asInt()).isEqualTo(7);
        assertThat(record.get("Stdout").asText()).isEqualTo("half");
        assertThat(record.get("Stderr").asText()).isEqualTo("boom");
        assertThat(record.get("StdoutTruncatedBytes").asLong()).isEqualTo(100);
        assertThat(record.has("Result")).isFalse();
    }

    @Test
    void outcome_ofATimeout_saysSo() {
        ChildOutcome outcome = new ChildOutcome(143, "", 0, "", 0, true, Duration.ofSeconds(30));

        ObjectNode record = Records.outcome(CoveResult.ofException(BARE,
                new ChildFailedException(outcome, Duration.ofSeconds(30))), true, null);

        assertThat(record.get("ExceptionDetails").asText()).isEqualTo("command timed out after 30s and was killed");
        assertThat(record.get("TimedOut").asBoolean()).isTrue();
    }

    @Test
    void outcome_ofAFailedAssumeRole_describesItsException() {
        ObjectNode failed = Records.outcome(CoveResult.ofFailedAssumeRole(BARE.withAssumeRoleSuccess(false),
                new IllegalStateException("AccessDenied")), true, null);

        assertThat(failed.get("Outcome").asText()).isEqualTo("FailedAssumeRole");
        assertThat(failed.get("AssumeRoleSuccess").asBoolean()).isFalse();
        assertThat(failed.get("ExceptionDetails").asText()).isEqualTo("IllegalStateException: AccessDenied");
    }

    @Test
    void outcome_ofASkippedTarget_givesTheCommandsReason_notTheLibrarys() {
        ObjectNode skipped = Records.outcome(CoveResult.ofSkipped(BARE.withAssumeRoleSuccess(false),
                "raiseException: account 111122223333 region us-east-1 failed"), true, "--fail-fast stopped the run");

        assertThat(skipped.get("Outcome").asText()).isEqualTo("Skipped");
        assertThat(skipped.get("Reason").asText()).isEqualTo("--fail-fast stopped the run");
        assertThat(skipped.get("ExceptionDetails").asText()).isEqualTo("not started: --fail-fast stopped the run");
        assertThat(skipped.has("StartedAt")).as("it never started").isFalse();
        assertThat(skipped.has("DurationMs")).isFalse();
    }

    @Test
    void outcome_ofAnInterruptedTarget_isNeitherAnExceptionNorAFailedAssumeRole_andSaysWhyAndWhen() {
        CoveResult<ChildOutcome> stopped = CoveResult.<ChildOutcome>ofInterrupted(BARE.withAssumeRoleSuccess(false),
                new InterruptedException()).timed(Instant.parse("2026-03-01T10:15:30.123456Z"), Duration.ofMillis(1500));

        ObjectNode record = Records.outcome(stopped, true, "the run was interrupted");

        assertThat(record.fieldNames()).toIterable().containsExactly("Id", "Region", "Partition", "RoleName",
                "RoleSessionName", "AssumeRoleSuccess", "Outcome", "Reason", "StartedAt", "DurationMs",
                "ExceptionDetails");
        assertThat(record.get("Outcome").asText()).isEqualTo("Interrupted");
        assertThat(record.get("Reason").asText()).isEqualTo("the run was interrupted");
        assertThat(record.get("StartedAt").asText()).isEqualTo("2026-03-01T10:15:30.123Z");
        assertThat(record.get("DurationMs").asLong()).isEqualTo(1500);
        assertThat(record.get("ExceptionDetails").asText())
                .isEqualTo("interrupted: the run was stopped and the command was killed");
    }

    @Test
    void outcome_ofATargetThatRan_saysWhenItStartedAndHowLongItTook_andGivesNoReason() {
        CoveResult<ChildOutcome> ran = CoveResult.ofResult(BARE, child(0, "ok", 0))
                .timed(Instant.parse("2026-03-01T10:15:30Z"), Duration.ofMillis(42));

        ObjectNode record = Records.outcome(ran, true, "the run was interrupted");

        assertThat(record.fieldNames()).toIterable().containsExactly("Id", "Region", "Partition", "RoleName",
                "RoleSessionName", "AssumeRoleSuccess", "Outcome", "StartedAt", "DurationMs", "Result", "ExitCode");
        assertThat(record.get("StartedAt").asText()).isEqualTo("2026-03-01T10:15:30Z");
        assertThat(record.get("DurationMs").asLong()).isEqualTo(42);
    }

    @Test
    void target_asAwsAnswersToday_hasStateAndNoStatus() {
        ObjectNode record = Records.target(new CoveTarget("111122223333", "us-east-1", "arn", "e@x", "n", null,
                "SUSPENDED", null, null));

        assertThat(record.fieldNames()).toIterable().containsExactly("Id", "Region", "Arn", "Email", "Name", "State");
        assertThat(record.get("State").asText()).isEqualTo("SUSPENDED");
    }

    @Test
    void target_whereAwsStillSendsStatus_hasStatusNextToState() {
        ObjectNode record = Records.target(new CoveTarget("111122223333", "us-east-1", "arn", "e@x", "n", "ACTIVE",
                "ACTIVE", null, null));

        assertThat(record.fieldNames()).toIterable()
                .containsExactly("Id", "Region", "Arn", "Email", "Name", "Status", "State");
        assertThat(Records.target(new CoveTarget("111122223333", "us-east-1", null, null, null, null, null, null, null))
                .fieldNames()).toIterable().containsExactly("Id", "Region");
    }

    @Test
    void target_withOuPathAndTags_hasThemAfterState_tagsAsAnObjectSortedByKey() {
        ObjectNode record = Records.target(new CoveTarget("111122223333", "us-east-1", "arn", "e@x", "n", null,
                "ACTIVE", "/Prod/Web", java.util.Map.of("team", "web", "env", "prod")));

        assertThat(record.fieldNames()).toIterable().containsExactly("Id", "Region", "Arn", "Email", "Name", "State",
                "OuPath", "Tags");
        assertThat(record.get("OuPath").asText()).isEqualTo("/Prod/Web");
        assertThat(record.get("Tags").fieldNames()).toIterable().containsExactly("env", "team");
    }

    @Test
    void outcome_ofTheCallingAccount_saysCallingAccount_andHasNoRole() {
        SessionInformation host = new SessionInformation("123456789012", null, null, "management", null, "ACTIVE",
                null, null, null, List.of(), null, "us-east-1", "aws", true, "/", java.util.Map.of());

        ObjectNode record = Records.outcome(CoveResult.ofResult(host, child(0, "ok\n", 0)), true, null);

        assertThat(record.fieldNames()).toIterable().containsExactly("Id", "Name", "State", "OuPath", "Tags",
                "Region", "Partition", "CallingAccount", "AssumeRoleSuccess", "Outcome", "Result", "ExitCode");
        assertThat(record.get("CallingAccount").asBoolean()).isTrue();
    }
}
