package dev.cove.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Grouping failures by cause, and the few lines that describe the groups. */
class FailureGroupsTest {

    private static FailureGroups.Failure failure(String cause, String account, String region) {
        return new FailureGroups.Failure("Exception", cause, account, null, region, cause, null);
    }

    @Test
    void cause_isTheErrorCode_whenThereIsOne() {
        assertThat(FailureGroups.cause("AccessDenied", "StsException: User: … (Service: Sts, Status Code: 403)"))
                .isEqualTo("AccessDenied");
    }

    @Test
    void cause_withoutErrorCode_isTheMessage_withoutAccountIdsAndRequestDetails() {
        assertThat(FailureGroups.cause(null, "StsException: not authorized on arn:aws:iam::123456789012:role/R"
                + " (Service: Sts, Status Code: 403, Request ID: 4f1c-77) (SDK Attempt Count: 1)"))
                .isEqualTo("StsException: not authorized on arn:aws:iam::…:role/R");
        assertThat(FailureGroups.cause(null, "command exited with code 3")).isEqualTo("command exited with code 3");
        assertThat(FailureGroups.cause(null, null)).isEqualTo("unknown failure");
        assertThat(FailureGroups.cause(null, "x".repeat(500))).hasSize(160).endsWith("…");
    }

    @Test
    void summaryLines_nameTheCauseTheCountAndTheFirstAccounts_largestFirst() {
        FailureGroups groups = new FailureGroups(5);
        for (String account : List.of("111111111111", "222222222222", "333333333333", "444444444444", "555555555555")) {
            groups.add(failure("AccessDenied", account, "us-east-1"));
            groups.add(failure("AccessDenied", account, "eu-west-1"));
        }
        groups.add(failure("command exited with code 3", "666666666666", "us-east-1"));

        assertThat(groups.summaryLines(5)).containsExactly(
                "AccessDenied ×10 (111111111111, 222222222222, 333333333333, … 2 more accounts)",
                "command exited with code 3 ×1 (666666666666)");
        assertThat(groups.size()).isEqualTo(11);
        FailureGroups.Group denied = groups.groups().get(0);
        assertThat(denied.accounts()).isEqualTo(5);
        assertThat(denied.kept()).hasSize(5);
        assertThat(denied.notKept()).isEqualTo(5);
        assertThat(denied.regions()).containsExactly(new FailureGroups.Count("eu-west-1", 5),
                new FailureGroups.Count("us-east-1", 5));
    }

    @Test
    void summaryLines_whenThereAreMoreCauses_countTheRestInTheLastLine() {
        FailureGroups groups = new FailureGroups(3);
        for (int code = 1; code <= 7; code++) {
            for (int i = 0; i < 10 - code; i++) {
                groups.add(failure("command exited with code " + code, "11111111111" + i, "us-east-1"));
            }
        }

        List<String> lines = groups.summaryLines(3);

        assertThat(lines).containsExactly(
                "command exited with code 1 ×9 (111111111110, 111111111111, 111111111112, … 6 more accounts)",
                "command exited with code 2 ×8 (111111111110, 111111111111, 111111111112, … 5 more accounts)",
                "… and 25 more failures (5 other causes)");
    }

    @Test
    void lastLine_isTheLastNonBlankLineOfStderr() {
        assertThat(FailureGroups.lastLine("listing\nAccess Denied\n\n")).isEqualTo("Access Denied");
        assertThat(FailureGroups.lastLine("  \n")).isNull();
        assertThat(FailureGroups.lastLine(null)).isNull();
    }
}
