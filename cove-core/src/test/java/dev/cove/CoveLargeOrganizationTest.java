package dev.cove;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cove.testkit.AwsShape;
import dev.cove.testkit.Fault;
import dev.cove.testkit.FaultProxy;
import dev.cove.testkit.FaultRule;
import dev.cove.testkit.MotoServer;
import dev.cove.testkit.OrgAccount;
import dev.cove.testkit.OrgFixture;
import dev.cove.testkit.OrgUnit;
import dev.cove.testkit.OrganizationBuilder;
import dev.cove.testkit.RecordedRequest;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * A 1,500-account organization in OUs nested 3 deep, built once for the class in its own moto, seen through
 * a recording proxy that answers as moto does, then as AWS does today (pages of 20, State without Status).
 */
@ParameterizedClass(name = "answering as {0}")
@EnumSource(AwsShape.class)
class CoveLargeOrganizationTest {

    private static final int ACCOUNTS = 1500;

    private static ShapedProxies proxies;
    private static OrgFixture org;

    /** How the AWS API answers: as moto does, or as AWS does today. */
    @Parameter
    AwsShape shape;

    private FaultProxy proxy;

    @BeforeAll
    static void buildOrganization() {
        proxies = new ShapedProxies();
        MotoServer moto = proxies.moto();
        long started = System.nanoTime();
        org = OrganizationBuilder.large(moto.endpoint(), ACCOUNTS, 3);
        System.out.printf("built %d accounts in %.1f s%n", org.memberIds().size(), (System.nanoTime() - started) / 1e9);
    }

    @BeforeEach
    void clearRecords() {
        proxy = proxies.cleared(shape);
    }

    @AfterAll
    static void stopMoto() {
        if (proxies != null) {
            proxies.close();
        }
    }

    private Cove.Builder cove() {
        return LocalCove.against(proxy.endpoint()).threadWorkers(50);
    }

    private static List<String> sortedIds(List<OrgAccount> accounts) {
        return accounts.stream().map(OrgAccount::id).sorted().toList();
    }

    @Test
    void run_withDefaultsInThreeRegions_visitsEveryAccountInEveryRegionOnceWithOneAssumeRolePerAccount() {
        List<String> regions = List.of("us-east-1", "eu-west-1", "ap-northeast-1");
        CoveOutput<String> out = cove().regions(regions).build()
                .run(session -> session.accountId() + "/" + session.region().id());

        assertThat(proxy.count("AssumeRole")).isEqualTo(ACCOUNTS);
        Instant lastPage = proxy.requests("ListAccounts").stream().map(RecordedRequest::at).max(Instant::compareTo)
                .orElseThrow();
        assertThat(proxy.requests("AssumeRole").stream().filter(r -> r.at().isBefore(lastPage)))
                .as("roles are assumed while the organization is still being listed").isNotEmpty();
        assertThat(proxy.count("ListChildren")).as("no OU was named").isZero();
        assertThat(proxy.requests("ListAccounts").stream().filter(r -> !r.body().contains("NextToken")))
                .as("one listing of the organization").hasSize(1);
        assertThat(proxy.count("ListAccounts")).as("followed page by page").isGreaterThan(1);
        Outcomes.assertEveryTargetOnce(out, org.memberIds(), regions);

        assertThat(out.exceptions()).isEmpty();
        assertThat(out.failedAssumeRole()).isEmpty();
        assertThat(out.results()).hasSize(ACCOUNTS * 3);
        assertThat(out.results().stream().map(CoveResult::result).collect(Collectors.toSet())).hasSize(ACCOUNTS * 3);
        assertThat(out.results().stream().map(CoveResult::id).distinct().toList())
                .containsExactlyElementsOf(org.memberIds().stream().sorted().toList());
    }

    @Test
    void targets_whenTargetIsNestedOu_listsEveryAccountBelowIt() {
        OrgUnit second = org.units().stream().filter(u -> u.depth() == 2)
                .min(Comparator.comparing(OrgUnit::path)).orElseThrow();

        List<CoveTarget> targets = cove().targetIds(second.id()).build().targets();

        assertThat(targets.stream().map(CoveTarget::id).toList())
                .containsExactlyElementsOf(sortedIds(org.accountsUnder(second.path())));
        assertThat(targets).isNotEmpty().allSatisfy(t -> assertThat(t.name()).startsWith("acct-"));
    }

    @Test
    void targets_whenIgnoringTopLevelOu_keepsEveryOtherAccount() {
        OrgUnit first = org.units().stream().filter(u -> u.depth() == 1)
                .min(Comparator.comparing(OrgUnit::path)).orElseThrow();
        Set<String> ignored = Set.copyOf(sortedIds(org.accountsUnder(first.path())));

        List<CoveTarget> targets = cove().ignoreIds(first.id()).build().targets();

        assertThat(targets).hasSize(ACCOUNTS - ignored.size())
                .noneSatisfy(t -> assertThat(ignored).contains(t.id()));
    }

    @Test
    void targets_whenListAccountsPagesAreThrottled_losesAndDuplicatesNoAccount() {
        FaultRule throttled = proxy.addRule(FaultRule.on("ListAccounts").withProbability(0.3, 1500)
                .then(Fault.tooManyRequests()));
        // A dry run walks the OU tree after 3 pages; when ListRoots is denied it keeps to the chain of pages.
        proxy.addRule(FaultRule.on("ListRoots").always().then(Fault.accessDenied("pages only")));

        List<CoveTarget> targets = cove().build().targets();

        assertThat(targets.stream().map(CoveTarget::id).toList())
                .containsExactlyElementsOf(org.memberIds().stream().sorted().toList());
        assertThat(throttled.firedCount()).as("pages were throttled").isPositive();
        assertThat(proxy.count("ListAccounts") - throttled.firedCount()).as("every page listed")
                .isGreaterThanOrEqualTo((ACCOUNTS + 1 + 99) / 100);
        assertThat(proxy.count("ListAccountsForParent")).isZero();
    }

    @Test
    void targets_ofTheWholeOrganization_walkTheOuTreeAfterThreePagesAndListEveryMemberOnce() {
        List<CoveTarget> targets = cove().build().targets();

        assertThat(targets.stream().map(CoveTarget::id).toList())
                .containsExactlyElementsOf(org.memberIds().stream().sorted().toList());
        assertThat(proxy.count("ListAccounts")).as("3 pages, then the tree").isEqualTo(3);
        assertThat(proxy.count("ListAccountsForParent")).as("the root and every OU")
                .isGreaterThanOrEqualTo(org.units().size() + 1);
    }

    @Test
    void targets_whenListChildrenIsThrottled_walksEveryNestedOu() {
        proxy.addRule(FaultRule.on("ListChildren").withProbability(0.3, 3).then(Fault.tooManyRequests()));
        OrgUnit top = org.units().stream().filter(u -> u.depth() == 1)
                .min(Comparator.comparing(OrgUnit::path)).orElseThrow();

        List<CoveTarget> targets = cove().targetIds(top.id()).build().targets();

        assertThat(targets.stream().map(CoveTarget::id).toList())
                .containsExactlyElementsOf(sortedIds(org.accountsUnder(top.path())));
        assertThat(proxy.rules().get(0).firedCount()).as("ListChildren was throttled").isPositive();
    }

    @Test
    void run_whenListingFailsAfterTheFirstPage_throwsTheServiceError_havingRunOnlyTheFirstPagesAccounts() {
        System.setProperty("aws.maxAttempts", "2");
        try {
            proxy.addRule(FaultRule.on("ListAccounts").when(r -> r.body().contains("NextToken"))
                    .then(Fault.tooManyRequests()));
            Set<String> ran = ConcurrentHashMap.newKeySet();
            List<CoveResult<String>> reported = new CopyOnWriteArrayList<>();

            assertThatThrownBy(() -> cove().build().run(session -> {
                ran.add(session.accountId());
                return session.accountId();
            }, reported::add)).isInstanceOfSatisfying(AwsServiceException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TooManyRequestsException"));
            // Targets start as pages arrive, so the first page's accounts may run; no account beyond it does,
            // and each target that was known is reported once.
            int firstPage = shape == AwsShape.AWS_TODAY ? 20 : 100;
            assertThat(ran).hasSizeLessThanOrEqualTo(firstPage);
            assertThat(reported).extracting(CoveResult::id).doesNotHaveDuplicates().containsAll(ran)
                    .hasSizeLessThanOrEqualTo(firstPage);
        } finally {
            System.clearProperty("aws.maxAttempts");
        }
    }
}
