package dev.cove;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cove.testkit.AwsShape;
import dev.cove.testkit.Fault;
import dev.cove.testkit.FaultProxy;
import dev.cove.testkit.FaultRule;
import dev.cove.testkit.MotoAccounts;
import dev.cove.testkit.MotoServer;
import dev.cove.testkit.OrgAccount;
import dev.cove.testkit.OrgFixture;
import dev.cove.testkit.OrganizationBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Discovery by the OU tree: an organization of 311 accounts (10 members in the root, 300 in 14 OUs nested 3
 * deep, 3 of them SUSPENDED; more than 3 pages of ListAccounts both as AWS pages it, 20 a page, and as moto
 * does, 100 a page) gives the same targets, every field equal, whether it is listed by the
 * ListAccounts chain or, after 3 pages, by walking the tree; built once for the class, seen through a
 * recording proxy that answers as moto does, then as AWS does today.
 */
@ParameterizedClass(name = "answering as {0}")
@EnumSource(AwsShape.class)
class CoveTreeDiscoveryTest {

    /** The targets as the chain lists them, per shape. */
    private static final Map<AwsShape, List<CoveTarget>> CHAIN = new EnumMap<>(AwsShape.class);
    private static ShapedProxies proxies;
    private static OrgFixture org;
    private static List<String> suspended;

    /** How the AWS API answers: as moto does, or as AWS does today. */
    @Parameter
    AwsShape shape;

    private FaultProxy proxy;

    @BeforeAll
    static void buildOrganization() {
        proxies = new ShapedProxies();
        MotoServer moto = proxies.moto();
        org = OrganizationBuilder.on(moto.endpoint()).accounts(10).spread(300, 3, 2).build();
        List<String> inRoot = org.accountsIn("").stream().map(OrgAccount::id).toList();
        List<String> nested = org.memberIds().stream().filter(id -> !inRoot.contains(id)).toList();
        suspended = List.of(inRoot.get(0), nested.get(0), nested.get(nested.size() - 1));
        suspended.forEach(id -> MotoAccounts.closeAccount(moto.endpoint(), id));
    }

    @BeforeEach
    void clearRecords() {
        proxy = proxies.cleared(shape);
    }

    @AfterAll
    static void stopMoto() {
        CHAIN.clear();
        if (proxies != null) {
            proxies.close();
        }
    }

    private Cove.Builder cove() {
        return LocalCove.against(proxy.endpoint());
    }

    /** The targets of a run with 2 workers, which keeps the chain; run once per shape. */
    private List<CoveTarget> chainTargets() {
        List<CoveTarget> chain = CHAIN.get(shape);
        if (chain == null) {
            proxy.clear();
            chain = visited(cove().threadWorkers(2).build().run(CoveSession::sessionInformation));
            assertThat(proxy.count("ListAccountsForParent") + proxy.count("ListOrganizationalUnitsForParent"))
                    .as("2 workers keep the chain").isZero();
            assertThat(proxy.count("ListAccounts")).as("the chain to its end").isGreaterThan(3);
            CHAIN.put(shape, chain);
            proxy.clear();
        }
        return chain;
    }

    private static List<CoveTarget> visited(CoveOutput<SessionInformation> out) {
        assertThat(out.exceptions()).isEmpty();
        assertThat(out.failedAssumeRole()).isEmpty();
        List<CoveTarget> targets = new ArrayList<>();
        for (CoveResult<SessionInformation> r : out.results()) {
            SessionInformation i = r.result();
            targets.add(new CoveTarget(i.id(), i.region(), i.arn(), i.email(), i.name(), i.status(), i.state(),
                    i.ouPath(), i.tags()));
        }
        targets.sort(Comparator.comparing(CoveTarget::id));
        return targets;
    }

    private void assertTheTreeWasWalked() {
        assertThat(proxy.count("ListAccounts")).as("the chain stops after 3 pages").isEqualTo(3);
        assertThat(proxy.count("ListRoots")).isPositive();
        assertThat(proxy.count("ListOrganizationalUnitsForParent")).as("the root and 14 OUs").isGreaterThanOrEqualTo(15);
        assertThat(proxy.count("ListAccountsForParent")).as("the root and 14 OUs").isGreaterThanOrEqualTo(15);
    }

    @Test
    void chain_selectsEveryActiveMemberWithItsMetadata() {
        List<CoveTarget> chain = chainTargets();

        assertThat(chain).extracting(CoveTarget::id).containsExactlyElementsOf(org.memberIds().stream()
                .filter(id -> !suspended.contains(id)).sorted().toList());
        assertThat(chain).allSatisfy(t -> {
            assertThat(t.arn()).contains(t.id());
            assertThat(t.email()).isNotBlank();
            assertThat(t.name()).isNotBlank();
            assertThat(t.state()).isEqualTo("ACTIVE");
        });
    }

    @Test
    void targets_ofALargeOrganization_walkTheTreeAfterThreePagesAndEqualTheChainsTargets() {
        List<CoveTarget> chain = chainTargets();

        List<CoveTarget> targets = cove().build().targets();

        assertThat(targets).containsExactlyElementsOf(chain);
        assertTheTreeWasWalked();
    }

    @Test
    void run_withManyWorkers_walksTheTreeAndVisitsTheChainsTargets() {
        List<CoveTarget> chain = chainTargets();

        List<CoveTarget> visited = visited(cove().threadWorkers(40).build().run(CoveSession::sessionInformation));

        assertThat(visited).containsExactlyElementsOf(chain);
        assertTheTreeWasWalked();
    }

    @Test
    void targets_whenListAccountsForParentIsThrottled_retriesItAndListsEveryAccount() {
        List<CoveTarget> chain = chainTargets();
        FaultRule throttled = proxy.addRule(FaultRule.on("ListAccountsForParent").first(6)
                .then(Fault.tooManyRequests()));

        List<CoveTarget> targets = cove().build().targets();

        assertThat(targets).containsExactlyElementsOf(chain);
        assertThat(throttled.firedCount()).isEqualTo(6);
        assertTheTreeWasWalked();
    }

    @Test
    void targets_whenListRootsIsDenied_goOnWithTheChain() {
        List<CoveTarget> chain = chainTargets();
        FaultRule denied = proxy.addRule(FaultRule.on("ListRoots").always().then(Fault.accessDenied("not allowed")));

        List<CoveTarget> targets = cove().build().targets();

        assertThat(targets).containsExactlyElementsOf(chain);
        assertThat(denied.firedCount()).isEqualTo(1);
        assertThat(proxy.count("ListAccounts")).as("the chain to its end").isGreaterThan(3);
        assertThat(proxy.count("ListAccountsForParent") + proxy.count("ListOrganizationalUnitsForParent")).isZero();
    }

    @Test
    void targets_whenTheTreeIsDeniedMidWalk_goOnWithTheChainAndListNoAccountTwice() {
        List<CoveTarget> chain = chainTargets();
        FaultRule denied = proxy.addRule(FaultRule.on("ListOrganizationalUnitsForParent")
                .when(r -> !r.body().contains(org.rootId())).then(Fault.accessDenied("not allowed below the root")));

        List<CoveTarget> targets = cove().build().targets();

        assertThat(targets).containsExactlyElementsOf(chain);
        assertThat(denied.firedCount()).as("the walk was denied below the root").isPositive();
        assertThat(proxy.count("ListAccountsForParent")).as("the walk had begun").isPositive();
        assertThat(proxy.count("ListAccounts")).as("the chain to its end").isGreaterThan(3);
    }

    @Test
    void targets_whenTheTreeFailsOtherwise_throwTheServiceError() {
        proxy.addRule(FaultRule.on("ListAccountsForParent").always()
                .then(Fault.awsError(400, "ConstraintViolationException", "not today")));

        assertThatThrownBy(() -> cove().build().targets()).isInstanceOfSatisfying(AwsServiceException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ConstraintViolationException"));
        assertThat(proxy.count("ListAccounts")).as("the chain is not resumed").isEqualTo(3);
    }
}
