package dev.cove.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cove.Cove;
import dev.cove.CoveOutput;
import dev.cove.CoveResult;
import dev.cove.testkit.CoveTest;
import dev.cove.testkit.Fault;
import dev.cove.testkit.FaultProxy;
import dev.cove.testkit.FaultRule;
import dev.cove.testkit.MemberAccount;
import dev.cove.testkit.OrgFixture;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A user's function tested with the test kit: the organization is declared, Cove.Builder and FaultProxy injected. */
@CoveTest(accounts = {
        @MemberAccount(name = "dev", ou = "workloads", iamUsers = {"alice", "bob"}, iamUsersWithMfa = "carol"),
        @MemberAccount(name = "prod", ou = "workloads/prod", iamUsersWithMfa = "dave"),
        @MemberAccount(name = "sandbox", iamUsers = "eve")})
class UsersWithoutMfaTest {

    @Test
    void find_listsTheUsersWithoutMfa_inEveryAccount(Cove.Builder cove, OrgFixture org) {
        CoveOutput<List<String>> output = UsersWithoutMfa.find(cove.build());

        assertThat(output.allSucceeded()).isTrue();
        assertThat(byAccountName(output)).isEqualTo(Map.of(
                "dev", List.of("alice", "bob"), "prod", List.of(), "sandbox", List.of("eve")));
        assertThat(output.results()).extracting(CoveResult::id).containsExactlyInAnyOrderElementsOf(org.memberIds());
    }

    @Test
    void find_whenIamThrottles_retriesAndStillFindsEveryUser(Cove.Builder cove, FaultProxy aws) {
        FaultRule throttling = aws.addRule(FaultRule.on("ListMFADevices").first(2).then(Fault.throttling()));

        CoveOutput<List<String>> output = UsersWithoutMfa.find(cove.build());

        assertThat(throttling.firedCount()).isEqualTo(2);
        assertThat(output.allSucceeded()).isTrue();
        assertThat(byAccountName(output)).containsEntry("dev", List.of("alice", "bob"));
        assertThat(aws.count("ListMFADevices")).as("five users, two throttled attempts").isEqualTo(5 + 2);
    }

    @Test
    void find_whenOneAccountsRoleIsDenied_reportsItAndStillSearchesTheOthers(Cove.Builder cove, FaultProxy aws,
            OrgFixture org) {
        aws.addRule(FaultRule.on("AssumeRole").whenParamContains("RoleArn", org.account("prod").id())
                .then(Fault.accessDenied("not authorized to perform sts:AssumeRole")));

        CoveOutput<List<String>> output = UsersWithoutMfa.find(cove.build());

        assertThat(output.failedAssumeRole()).extracting(CoveResult::id).containsExactly(org.account("prod").id());
        assertThat(byAccountName(output)).containsOnlyKeys("dev", "sandbox");
    }

    @Test
    void find_whenListMfaDevicesIsDenied_reportsEveryAccountWithUsersAsAnException(Cove.Builder cove, FaultProxy aws) {
        aws.addRule(FaultRule.on("ListMFADevices").then(Fault.accessDenied("not authorized to perform iam:ListMFADevices")));

        CoveOutput<List<String>> output = UsersWithoutMfa.find(cove.build());

        assertThat(output.results()).isEmpty();
        assertThat(output.exceptions()).hasSize(3).allSatisfy(failure ->
                assertThat(failure.exception()).hasMessageContaining("iam:ListMFADevices"));
    }

    private static Map<String, List<String>> byAccountName(CoveOutput<List<String>> output) {
        return output.results().stream().collect(Collectors.toMap(result -> result.info().name(), CoveResult::result));
    }
}
