package dev.cove.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cove.CoveTarget;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The targets of a plan whose accounts have different regions, and its shares. */
class RunPlanTest {

    private static OrgAccount account(int n) {
        return OrgAccount.withoutMetadata(String.format("%012d", n));
    }

    private static RunPlan uneven() {
        List<PlannedAccount> accounts = new ArrayList<>();
        for (int n = 1; n <= 10; n++) {
            accounts.add(new PlannedAccount(account(n), null, null,
                    n % 3 == 0 ? List.of("us-east-1", "eu-west-1", "ap-south-1", "sa-east-1") : List.of("us-east-1"),
                    false));
        }
        return new RunPlan("aws", accounts);
    }

    @Test
    void targets_areEveryAccountTimesItsRegions_inAccountThenRegionOrder() {
        RunPlan plan = uneven();

        List<CoveTarget> targets = plan.targets();

        List<String> expected = new ArrayList<>();
        for (PlannedAccount account : plan.accounts()) {
            for (String region : account.regions()) {
                expected.add(account.id() + "/" + region);
            }
        }
        assertThat(targets).hasSize(plan.size()).hasSize(7 + 3 * 4);
        assertThat(targets).extracting(t -> t.id() + "/" + t.region()).containsExactlyElementsOf(expected);
    }

    @Test
    void share_balancesTargets_notAccounts_whenAccountsHaveDifferentRegions() {
        RunPlan plan = uneven();

        List<Integer> sizes = new ArrayList<>();
        int accounts = 0;
        for (int index = 0; index < 3; index++) {
            RunPlan share = plan.share(index, 3);
            sizes.add(share.size());
            accounts += share.accounts().size();
        }

        assertThat(accounts).isEqualTo(10);
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(plan.size());
        assertThat(sizes.stream().mapToInt(Integer::intValue).max().orElseThrow()
                - sizes.stream().mapToInt(Integer::intValue).min().orElseThrow())
                .as("differ by at most one account's regions").isLessThanOrEqualTo(4);
    }
}
