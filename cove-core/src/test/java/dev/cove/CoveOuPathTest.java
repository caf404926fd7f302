package dev.cove;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.cove.testkit.Moto;
import dev.cove.testkit.RecordedRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/** OU paths ({@code /Prod/Web}, {@code /} for the root) wherever an OU ID is accepted. */
@ParameterizedClass(name = "answering as {0}")
@EnumSource(dev.cove.testkit.AwsShape.class)
class CoveOuPathTest extends FleetTest {

    @Test
    void targets_whenTargetIsAnOuPath_selectsEveryAccountInThatOuAndBelow() {
        List<CoveTarget> targets = cove().targetIds("/Prod").build().targets();

        assertThat(accounts(targets)).isEqualTo(fleet.ids("prod-core", "prod-web-1", "prod-web-2", "prod-data"));
    }

    @Test
    void targets_whenTargetIsANestedOuPath_selectsTheSameAccountsAsItsId() {
        List<CoveTarget> byPath = cove().targetIds("/Prod/Web").build().targets();
        List<CoveTarget> byId = cove().targetIds(fleet.org().ouId("Prod/Web")).build().targets();

        assertThat(accounts(byPath)).isEqualTo(fleet.ids("prod-web-1", "prod-web-2")).isEqualTo(accounts(byId));
    }

    @Test
    void targets_whenTargetIsTheRootPath_selectsTheWholeOrganizationButTheCaller() {
        List<CoveTarget> targets = cove().targetIds("/").build().targets();

        assertThat(accounts(targets)).isEqualTo(fleet.org().memberIds().stream().sorted().toList());
    }

    @Test
    void targets_whenIgnoreIsAnOuPath_removesEveryAccountBelowIt() {
        List<CoveTarget> targets = cove().targetIds("/Prod").ignoreIds("/Prod/Web").build().targets();

        assertThat(accounts(targets)).isEqualTo(fleet.ids("prod-core", "prod-data"));
    }

    @Test
    void targets_whenOuPathHasATrailingSlash_namesTheSameOu() {
        assertThat(accounts(cove().targetIds("/Sandbox/").build().targets()))
                .isEqualTo(fleet.ids("sandbox-alice", "sandbox-lab"));
    }

    @Test
    void targets_whenAPathNameDoesNotExist_namesTheMissingPartAndWhatExistsAtThatLevel() {
        assertThatExceptionOfType(CoveConfigurationException.class)
                .isThrownBy(() -> cove().targetIds("/Prod/Mobile/Api").build().targets())
                .withMessage("targetIds: no OU named 'Mobile' under /Prod (in the path /Prod/Mobile/Api); the OUs "
                        + "under /Prod are Data, Web")
                .satisfies(e -> assertThat(e.value()).isEqualTo("/Prod/Mobile/Api"));
    }

    @Test
    void targets_whenAPathNameDiffersOnlyInCase_saysNamesAreCaseSensitive() {
        assertThatExceptionOfType(CoveConfigurationException.class)
                .isThrownBy(() -> cove().ignoreIds("/prod").build().targets())
                .withMessage("ignoreIds: no OU named 'prod' under / (in the path /prod); the OUs under / are Prod, "
                        + "Sandbox (OU names are case-sensitive)");
    }

    @Test
    void targets_whenThePathGoesBelowALeafOu_saysThereAreNoOusThere() {
        assertThatExceptionOfType(CoveConfigurationException.class)
                .isThrownBy(() -> cove().targetIds("/Sandbox/Labs/Deep").build().targets())
                .withMessageEndingWith("there are no OUs under /Sandbox/Labs");
    }

    @Test
    void targets_whenTwoSiblingOusShareAName_failsNamingThePathAsAmbiguous() {
        // AWS refuses a second OU of one name under a parent; moto does not, so the test makes one.
        String rootId = fleet.org().rootId();
        try (OrganizationsClient organizations = Moto.organizations(MOTO.endpoint())) {
            organizations.createOrganizationalUnit(r -> r.parentId(rootId).name("Sandbox"));
        }

        assertThatExceptionOfType(CoveConfigurationException.class)
                .isThrownBy(() -> cove().targetIds("/Sandbox/Labs").build().targets())
                .withMessageStartingWith("targetIds: 2 OUs are named 'Sandbox' under / (")
                .withMessageEndingWith("), so the path /Sandbox/Labs is ambiguous; give the OU ID instead");
    }

    @Test
    void targets_resolvesOuPathsOnlyAlongTheNamedBranches_listingEachParentOnce() {
        cove().targetIds("/Prod/Web", "/Prod/Data").ignoreIds("/Prod/Web").build().targets();

        List<String> parents = proxy.requests("ListOrganizationalUnitsForParent").stream()
                .filter(r -> r.param("NextToken") == null).map(r -> r.param("ParentId")).toList();
        assertThat(parents).containsExactlyInAnyOrder(fleet.org().rootId(), fleet.org().ouId("Prod"));
    }

    @Test
    void targets_withoutOuPaths_neverListsOusByName() {
        cove().targetIds(fleet.org().ouId("Prod")).build().targets();

        assertThat(proxy.requests()).extracting(RecordedRequest::action)
                .doesNotContain("ListOrganizationalUnitsForParent");
    }

    @Test
    void run_whenTargetIsAnOuPath_runsExactlyItsAccounts() {
        CoveOutput<String> out = cove().targetIds("/Sandbox").build().run(CoveSession::accountId);

        assertThat(out.results()).extracting(CoveResult::result)
                .containsExactlyElementsOf(fleet.ids("sandbox-alice", "sandbox-lab"));
        assertThat(out.allSucceeded()).isTrue();
    }
}
