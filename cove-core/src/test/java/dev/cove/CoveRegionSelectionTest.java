package dev.cove;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.cove.testkit.Fault;
import dev.cove.testkit.FaultRule;
import dev.cove.testkit.FleetOrganization;
import dev.cove.testkit.Moto;
import dev.cove.testkit.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Regions {@code all} and globs, per account, from {@code account:ListRegions} (or {@code ec2:DescribeRegions}
 * in the account when that is denied), and {@code excludeRegions}.
 */
@ParameterizedClass(name = "answering as {0}")
@EnumSource(dev.cove.testkit.AwsShape.class)
class CoveRegionSelectionTest extends FleetTest {

    private static final List<String> MEMBERS = List.of("shared-tools", "prod-core", "prod-web-1", "prod-web-2",
            "prod-data", "sandbox-alice", "sandbox-lab");

    /** What each member runs in when its enabled regions are filtered by {@code keep}, sorted by account. */
    private List<String> expected(java.util.function.Predicate<String> keep) {
        List<String> pairs = new ArrayList<>();
        MEMBERS.stream().map(fleet::id).sorted().forEach(id -> fleet.enabledRegions(id).stream().filter(keep)
                .forEach(region -> pairs.add(id + "/" + region)));
        return pairs;
    }

    @Test
    void regions_all_isEachAccountsOwnEnabledRegions() {
        List<CoveTarget> targets = cove().regions("all").build().targets();

        assertThat(pairs(targets)).isEqualTo(expected(region -> true));
        assertThat(regionsOf(targets, fleet.id("prod-core"))).contains("ap-east-1").doesNotContain("eu-south-1");
        assertThat(regionsOf(targets, fleet.id("prod-web-1"))).contains("eu-south-1").doesNotContain("ap-east-1");
        assertThat(regionsOf(targets, fleet.id("prod-data"))).isEqualTo(FleetOrganization.DEFAULT_REGIONS);
    }

    @Test
    void regions_all_neverTargetsADisabledEnablingOrDisablingOptInRegion() {
        List<CoveTarget> targets = cove().regions("all").build().targets();

        for (Map.Entry<String, Map<String, String>> account : fleet.regions().entrySet()) {
            account.getValue().forEach((region, status) -> {
                if (!status.startsWith("ENABLED")) {
                    assertThat(pairs(targets)).as("%s is %s", region, status)
                            .doesNotContain(account.getKey() + "/" + region);
                }
            });
        }
        assertThat(regionsOf(targets, fleet.id("prod-web-2"))).isEqualTo(FleetOrganization.DEFAULT_REGIONS);
    }

    @Test
    void regions_glob_expandsOverEachAccountsEnabledRegions_andAccountsWithNoMatchAreLeftOut() {
        List<CoveTarget> targets = cove().regions("ap-*", "me-*").build().targets();

        assertThat(pairs(targets)).containsExactlyElementsOf(Stream.of(
                fleet.id("prod-core") + "/ap-east-1", fleet.id("sandbox-alice") + "/me-south-1").sorted().toList());
    }

    @Test
    void regions_entries_keepTheirOrder_eachGlobsMatchesSortedByName() {
        List<CoveTarget> targets = cove().targetIds(fleet.id("prod-web-1")).regions("us-west-*", "eu-*", "us-east-1")
                .build().targets();

        assertThat(regionsOf(targets, fleet.id("prod-web-1")))
                .containsExactly("us-west-1", "us-west-2", "eu-central-1", "eu-south-1", "eu-west-1", "us-east-1");
    }

    @Test
    void regions_aNamedRegionBesideAGlob_isLeftOutWhereTheAccountHasNotEnabledIt() {
        List<CoveTarget> targets = cove().targetIds("/Prod").regions("eu-west-*", "ap-east-1").build().targets();

        assertThat(regionsOf(targets, fleet.id("prod-core"))).containsExactly("eu-west-1", "ap-east-1");
        assertThat(regionsOf(targets, fleet.id("prod-web-1"))).containsExactly("eu-west-1");
        assertThat(regionsOf(targets, fleet.id("prod-web-2"))).containsExactly("eu-west-1");
    }

    @Test
    void excludeRegions_removesNamesAndGlobsFromEachAccountsRegions() {
        List<CoveTarget> targets = cove().regions("all").excludeRegions("us-*", "eu-central-1").build().targets();

        assertThat(pairs(targets)).isEqualTo(expected(region -> !region.startsWith("us-")
                && !region.equals("eu-central-1")));
    }

    @Test
    void excludeRegions_withNamedRegionsOnly_looksNothingUp() {
        List<CoveTarget> targets = cove().targetIds("/Sandbox").regions("us-east-1", "eu-west-1", "us-west-2")
                .excludeRegions("us-west-*").build().targets();

        assertThat(targets).extracting(CoveTarget::region).containsExactly("us-east-1", "eu-west-1", "us-east-1",
                "eu-west-1");
        assertThat(proxy.count("ListRegions")).isZero();
        assertThat(proxy.count("DescribeRegions")).isZero();
    }

    @Test
    void excludeRegions_thatRemovesEveryNamedRegion_failsBeforeAnyCall() {
        assertThatExceptionOfType(CoveConfigurationException.class)
                .isThrownBy(() -> cove().regions("us-east-1").excludeRegions("us-*").build().run(s -> 1))
                .withMessage("excludeRegions: removes every region of [us-east-1]; nothing would run");
        assertThat(proxy.requests()).isEmpty();
    }

    @Test
    void regions_all_asksListRegionsFromTheCallingAccount_withEachMembersAccountId_andAssumesNoRole() {
        cove().regions("all").build().targets();

        assertThat(proxy.requests("ListRegions")).extracting(r -> r.param("AccountId"))
                .containsExactlyInAnyOrderElementsOf(MEMBERS.stream().map(fleet::id).toList());
        assertThat(proxy.requests("ListRegions")).allSatisfy(r -> assertThat(r.accessKeyId()).isEqualTo(Moto.ACCESS_KEY_ID));
        assertThat(proxy.count("AssumeRole")).isZero();
    }

    @Test
    void regions_all_forTheCallingAccount_asksListRegionsWithoutAccountId() {
        List<CoveTarget> targets = cove().regions("all").includeHostAccount(true).targetIds(Moto.MANAGEMENT_ACCOUNT_ID)
                .build().targets();

        assertThat(regionsOf(targets, Moto.MANAGEMENT_ACCOUNT_ID)).isEqualTo(FleetOrganization.DEFAULT_REGIONS);
        assertThat(proxy.requests("ListRegions")).singleElement().satisfies(r -> assertThat(r.param("AccountId")).isNull());
    }

    @Test
    void regions_all_paceListRegionsToItsQuotaOfFivePerSecond() {
        cove().regions("all").build().targets();

        List<java.time.Instant> at = proxy.requests("ListRegions").stream().map(RecordedRequest::at).sorted().toList();
        assertThat(at).hasSize(7);
        // Cove starts one call every 200 ms, so the seven calls span 1.2 s; unpaced, they would arrive within a few
        // milliseconds of one another. Only the whole span is checked: on a loaded machine one late call can
        // arrive close to the next, so a check of every window of six measured the machine, not the pacing.
        assertThat(Duration.between(at.getFirst(), at.getLast())).as("7 calls paced at 5 a second")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void regions_all_whenListRegionsIsThrottled_retriesAndFindsEveryAccountsRegions() {
        proxy.addRule(FaultRule.on("ListRegions").first(3).then(Fault.awsError(429, "TooManyRequestsException",
                "Rate exceeded")));

        assertThat(pairs(cove().regions("all").build().targets())).isEqualTo(expected(region -> true));
        assertThat(proxy.count("ListRegions")).isEqualTo(7 + 3);
    }

    @Test
    void regions_all_whenListRegionsIsDenied_readsDescribeRegionsInEachAccountThroughItsRole() {
        proxy.addRule(FaultRule.on("ListRegions").always().then(Fault.awsError(403, "AccessDeniedException",
                "not authorized to perform account:ListRegions")));

        List<CoveTarget> targets = cove().regions("all").build().targets();

        assertThat(pairs(targets)).isEqualTo(expected(region -> true));
        assertThat(proxy.count("ListRegions")).as("asked once, then straight to the fallback").isEqualTo(1);
        assertThat(proxy.count("DescribeRegions")).isEqualTo(7);
        assertThat(proxy.count("AssumeRole")).isEqualTo(7);
    }

    @Test
    void run_withRegionsAll_whenListRegionsIsDenied_assumesEachRoleOnce_andRunsEveryEnabledRegion() {
        proxy.addRule(FaultRule.on("ListRegions").always().then(Fault.accessDenied("denied")));

        CoveOutput<String> out = cove().targetIds("/Prod").regions("all").build()
                .run(session -> session.accountId() + "/" + session.region().id());

        List<String> prod = Stream.of("prod-core", "prod-web-1", "prod-web-2", "prod-data").map(fleet::id).sorted()
                .flatMap(id -> fleet.enabledRegions(id).stream().map(region -> id + "/" + region)).toList();
        assertThat(out.results()).extracting(CoveResult::result).containsExactlyElementsOf(prod);
        assertThat(out.allSucceeded()).isTrue();
        assertThat(proxy.count("AssumeRole")).as("one per account, shared by the lookup and the run").isEqualTo(4);
    }

    @Test
    void regions_all_whenBothListRegionsAndDescribeRegionsAreDenied_failsNamingTheAccountAndBothCalls() {
        proxy.addRule(FaultRule.on("ListRegions").always().then(Fault.accessDenied("no ListRegions")));
        proxy.addRule(FaultRule.on("DescribeRegions").always().then(Fault.awsError(403, "UnauthorizedOperation",
                "You are not authorized to perform this operation.")));

        assertThatExceptionOfType(CoveConfigurationException.class)
                .isThrownBy(() -> cove().targetIds(fleet.id("prod-data")).regions("eu-*").build().run(s -> 1))
                .withMessageStartingWith("regions: cannot read the regions enabled in account " + fleet.id("prod-data")
                        + ": account:ListRegions is denied, and ec2:DescribeRegions failed in the account: "
                        + "UnauthorizedOperation: You are not authorized to perform this operation.");
    }

    @Test
    void run_withRegionsAll_whenTheFallbacksRoleCannotBeAssumed_reportsTheAccountOnceAsFailedAssumeRole() {
        proxy.addRule(FaultRule.on("ListRegions").always().then(Fault.accessDenied("denied")));
        proxy.addRule(FaultRule.on("AssumeRole").when(r -> r.paramContains("RoleArn", fleet.id("prod-data")))
                .always().then(Fault.accessDenied("no role here")));

        CoveOutput<String> out = cove().targetIds("/Prod").regions("all").build().run(CoveSession::accountId);

        assertThat(out.failedAssumeRole()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(fleet.id("prod-data"));
            assertThat(r.region()).isEqualTo("us-east-1");
        });
        assertThat(out.results()).extracting(CoveResult::id).doesNotContain(fleet.id("prod-data"))
                .hasSize(3 * 6 + 1 + 1);
    }

    @Test
    void regions_all_withoutAnyAccountWithAMatchingRegion_failsNamingTheRegions() {
        assertThatExceptionOfType(CoveConfigurationException.class)
                .isThrownBy(() -> cove().targetIds("/Sandbox/Labs").regions("ap-*").build().targets())
                .withMessage("regions: no selected account has a region to run in: regions [ap-*] select none of "
                        + "the regions enabled in the 1 selected account(s)");
    }

    @Test
    void run_withRegionGlobs_runsExactlyTheExpandedTargets_eachOnce() {
        CoveOutput<String> out = cove().regions("eu-*").build().run(session -> {
            try (StsClient sts = session.client(StsClient.builder())) {
                return sts.getCallerIdentity().account() + "/" + session.region().id();
            }
        });

        assertThat(out.results()).extracting(CoveResult::result)
                .containsExactlyElementsOf(expected(region -> region.startsWith("eu-")));
        assertThat(out.results()).allSatisfy(r -> assertThat(r.result()).isEqualTo(r.id() + "/" + r.region()));
    }
}
