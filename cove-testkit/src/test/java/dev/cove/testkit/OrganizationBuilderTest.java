package dev.cove.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.Child;
import software.amazon.awssdk.services.organizations.model.ChildType;

class OrganizationBuilderTest {

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private static OrgFixture nestedOrg() {
        return OrganizationBuilder.on(MOTO.endpoint())
                .ou("prod", prod -> prod.accounts(2)
                        .ou("web", web -> web.accounts(1).ou("edge", edge -> edge.accounts(1))))
                .ou("sandbox", sandbox -> sandbox.accounts(1))
                .build();
    }

    @Test
    void build_accountWithTags_createsItWithThoseTags_andTheFixtureKnowsThem() {
        OrgFixture org = OrganizationBuilder.on(MOTO.endpoint())
                .account("tools", java.util.Map.of("env", "shared"))
                .ou("prod", prod -> prod.account("web", java.util.Map.of("env", "prod", "team", "web")).accounts(1))
                .build();

        try (OrganizationsClient organizations = Moto.organizations(MOTO.endpoint())) {
            for (OrgAccount account : org.accounts()) {
                java.util.Map<String, String> tags = organizations.listTagsForResource(r -> r.resourceId(account.id()))
                        .tags().stream().collect(Collectors.toMap(t -> t.key(), t -> t.value()));
                assertThat(tags).as(account.name()).isEqualTo(account.tags());
            }
        }
        assertThat(org.account("web").tags()).containsExactly(java.util.Map.entry("env", "prod"),
                java.util.Map.entry("team", "web"));
        assertThat(org.account("acct-0001").tags()).isEmpty();
    }

    @Test
    void fleetOrganization_hasTaggedAccountsInNestedOus_andRegionsThatDifferByAccount() {
        FleetOrganization.Fleet fleet = FleetOrganization.build(MOTO.endpoint());

        assertThat(fleet.org().accountsUnder("Prod")).extracting(OrgAccount::name)
                .containsExactlyInAnyOrder("prod-core", "prod-web-1", "prod-web-2", "prod-data");
        assertThat(fleet.org().account("prod-web-2").tags()).containsEntry("cost", "low");
        assertThat(fleet.enabledRegions(fleet.id("prod-core"))).contains("ap-east-1").doesNotContain("eu-south-1");
        assertThat(fleet.enabledRegions(fleet.id("prod-web-2"))).isEqualTo(FleetOrganization.DEFAULT_REGIONS);
        assertThat(fleet.regions()).containsKey(fleet.org().managementAccountId()).hasSize(8);
    }

    @Test
    void build_nestedOrganization_isWhatListAccountsAndListChildrenSee() {
        OrgFixture org = nestedOrg();

        try (OrganizationsClient organizations = Moto.organizations(MOTO.endpoint())) {
            List<Account> listed = organizations.listAccountsPaginator().stream()
                    .flatMap(page -> page.accounts().stream()).toList();
            assertThat(listed).extracting(Account::id)
                    .containsExactlyInAnyOrderElementsOf(org.allAccountIds());
            assertThat(childIds(organizations, org.rootId(), ChildType.ORGANIZATIONAL_UNIT))
                    .containsExactlyInAnyOrder(org.ouId("prod"), org.ouId("sandbox"));
            assertThat(childIds(organizations, org.ouId("prod"), ChildType.ACCOUNT))
                    .containsExactlyInAnyOrderElementsOf(org.accountsIn("prod").stream().map(OrgAccount::id).toList());
            assertThat(childIds(organizations, org.ouId("prod/web"), ChildType.ORGANIZATIONAL_UNIT))
                    .containsExactly(org.ouId("prod/web/edge"));
            assertThat(childIds(organizations, org.ouId("prod/web/edge"), ChildType.ACCOUNT))
                    .containsExactlyElementsOf(org.memberIdsUnder("prod/web/edge"));
        }
    }

    @Test
    void build_namesAccountsDepthFirstInDeclarationOrder() {
        OrgFixture org = nestedOrg();

        assertThat(org.accounts()).extracting(OrgAccount::name, OrgAccount::email, OrgAccount::ouPath)
                .containsExactly(
                        tuple("acct-0001", "acct-0001@example.com", "prod"),
                        tuple("acct-0002", "acct-0002@example.com", "prod"),
                        tuple("acct-0003", "acct-0003@example.com", "prod/web"),
                        tuple("acct-0004", "acct-0004@example.com", "prod/web/edge"),
                        tuple("acct-0005", "acct-0005@example.com", "sandbox"));
        assertThat(org.managementAccountId()).isEqualTo(Moto.MANAGEMENT_ACCOUNT_ID);
        assertThat(org.units()).extracting(OrgUnit::path)
                .containsExactly("prod", "prod/web", "prod/web/edge", "sandbox");
        assertThat(org.ou("prod/web/edge").parentId()).isEqualTo(org.ouId("prod/web"));
        assertThat(org.accountsUnder("prod")).extracting(OrgAccount::name)
                .containsExactly("acct-0001", "acct-0002", "acct-0003", "acct-0004");
        assertThat(org.memberIds()).hasSize(5).doesNotContain(Moto.MANAGEMENT_ACCOUNT_ID);
    }

    @Test
    void build_listAccountsReturnsTheManagementAccountToo_asMaster() {
        OrgFixture org = OrganizationBuilder.on(MOTO.endpoint()).account("alone").build();

        try (OrganizationsClient organizations = Moto.organizations(MOTO.endpoint())) {
            List<Account> listed = organizations.listAccountsPaginator().stream()
                    .flatMap(page -> page.accounts().stream()).toList();
            assertThat(listed).extracting(Account::id, Account::name)
                    .containsExactlyInAnyOrder(
                            tuple(Moto.MANAGEMENT_ACCOUNT_ID, "master"),
                            tuple(org.account("alone").id(), "alone"));
        }
        assertThat(org.accountsIn("")).extracting(OrgAccount::ouId).containsExactly(org.rootId());
    }

    @Test
    void spread_nestsOusToTheDepthAndSharesAccountsOutEvenly() {
        OrgFixture org = OrganizationBuilder.on(MOTO.endpoint()).spread(40, 3, 2).build();

        assertThat(org.units()).hasSize(2 + 4 + 8);
        assertThat(org.units()).extracting(OrgUnit::depth).containsOnly(1, 2, 3);
        assertThat(org.ou("ou2/ou2-1/ou2-1-2").name()).isEqualTo("ou2-1-2");
        assertThat(org.accounts()).hasSize(40);
        Set<Integer> perOu = org.units().stream()
                .map(unit -> org.accountsIn(unit.path()).size()).collect(Collectors.toSet());
        assertThat(perOu).isSubsetOf(2, 3);
        assertThat(org.accountsUnder("ou1")).hasSize(21); // 12 of 14 OUs hold 3, first 7 are ou1's
    }

    @Test
    void build_whenMotoAlreadyHoldsAnOrganization_failsSayingToReset() {
        OrganizationBuilder.on(MOTO.endpoint()).build();

        assertThatIllegalStateException()
                .isThrownBy(() -> OrganizationBuilder.on(MOTO.endpoint()).accounts(1).build())
                .withMessageContaining("reset moto");
    }

    @Test
    void build_whenAnAccountNameRepeats_failsBeforeCallingMoto() {
        OrganizationBuilder builder = OrganizationBuilder.on(MOTO.endpoint())
                .account("twin").ou("x", x -> x.account("twin"));

        assertThatIllegalArgumentException().isThrownBy(builder::build).withMessageContaining("'twin'");
    }

    @Test
    void ouId_ofUnknownPath_namesTheKnownPaths() {
        OrgFixture org = OrganizationBuilder.on(MOTO.endpoint()).ou("prod").build();

        assertThatIllegalArgumentException().isThrownBy(() -> org.ouId("prd"))
                .withMessageContaining("'prd'").withMessageContaining("[prod]");
        assertThat(org.ouId("/prod/")).isEqualTo(org.ouId("prod"));
        assertThat(org.ouId("")).isEqualTo(org.rootId());
    }

    private static List<String> childIds(OrganizationsClient organizations, String parentId, ChildType type) {
        return organizations.listChildrenPaginator(r -> r.parentId(parentId).childType(type))
                .stream().flatMap(page -> page.children().stream()).map(Child::id).toList();
    }
}
