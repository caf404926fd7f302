package dev.cove.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.account.model.RegionOptStatus;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Tag;

/** What @CoveTest builds and injects. The Cove.Builder it injects is tested in cove-examples, which has cove-core. */
@CoveTest(accounts = {
        @MemberAccount(name = "dev", ou = "workloads", tags = {"env=dev", "team="}, iamUsers = {"alice", "bob"},
                iamUsersWithMfa = "carol"),
        @MemberAccount(name = "prod", ou = "/workloads/prod/", enabledRegions = {"eu-south-1", "me-central-1"}),
        @MemberAccount(name = "root-account")},
        ous = {"sandbox", "workloads/empty"})
class CoveTestExtensionTest {

    @Test
    void organization_hasTheDeclaredOusAndAccounts(OrgFixture org) {
        assertThat(org.units()).extracting(OrgUnit::path)
                .containsExactlyInAnyOrder("sandbox", "workloads", "workloads/empty", "workloads/prod");
        assertThat(org.accounts()).extracting(OrgAccount::name, OrgAccount::ouPath).containsExactlyInAnyOrder(
                tuple("dev", "workloads"),
                tuple("prod", "workloads/prod"),
                tuple("root-account", ""));
        assertThat(org.managementAccountId()).isEqualTo(Moto.MANAGEMENT_ACCOUNT_ID);
    }

    @Test
    void accounts_carryTheirTags_andOnlyThem(OrgFixture org, MotoServer moto) {
        try (OrganizationsClient organizations = Moto.organizations(moto.endpoint())) {
            assertThat(organizations.listTagsForResource(r -> r.resourceId(org.account("dev").id())).tags())
                    .extracting(Tag::key, Tag::value).containsExactlyInAnyOrder(
                            tuple("env", "dev"), tuple("team", ""));
            assertThat(organizations.listTagsForResource(r -> r.resourceId(org.account("prod").id())).tags()).isEmpty();
        }
    }

    @Test
    void iamUsers_existInTheirAccount_andOnlyThoseWithMfaHaveADevice(OrgFixture org, MotoServer moto) {
        String dev = org.account("dev").id();
        try (IamClient iam = Moto.iam(moto.endpoint(), MotoAccounts.assumeRole(moto.endpoint(), dev), dev)) {
            assertThat(iam.listUsersPaginator().users().stream().map(User::userName))
                    .containsExactlyInAnyOrder("alice", "bob", "carol");
            assertThat(iam.listMFADevices(r -> r.userName("carol")).mfaDevices()).singleElement()
                    .satisfies(device -> assertThat(device.serialNumber()).endsWith(":mfa/carol"));
            assertThat(iam.listMFADevices(r -> r.userName("alice")).mfaDevices()).isEmpty();
        }
        assertThat(MotoAccounts.listIamUsers(moto.endpoint(), org.account("prod").id())).isEmpty();
    }

    @Test
    void proxy_standsBeforeTheClassesOwnMoto_andAnswersListRegionsFromTheDeclaration(FaultProxy proxy,
            MotoServer moto, OrgFixture org) {
        assertThat(proxy.upstream()).isEqualTo(moto.endpoint());
        assertThat(proxy.isAwsToday()).as("the default shape").isTrue();
        try (AccountClient account = Moto.configure(AccountClient.builder(), proxy.endpoint()).build()) {
            assertThat(account.listRegionsPaginator(r -> r.accountId(org.account("prod").id())
                    .regionOptStatusContains(RegionOptStatus.ENABLED)).regions())
                    .extracting(region -> region.regionName()).containsExactly("eu-south-1", "me-central-1");
        }
        assertThat(proxy.count("ListRegions")).isEqualTo(1);
    }

    @Test
    void proxy_startsEveryTestWithoutRulesOrRecords_firstOfTwo(FaultProxy proxy) {
        startsClean_thenDirtiesIt(proxy);
    }

    @Test
    void proxy_startsEveryTestWithoutRulesOrRecords_secondOfTwo(FaultProxy proxy) {
        startsClean_thenDirtiesIt(proxy);
    }

    private static void startsClean_thenDirtiesIt(FaultProxy proxy) {
        assertThat(proxy.rules()).isEmpty();
        assertThat(proxy.requests()).isEmpty();
        proxy.addRule(FaultRule.on("ListUsers").then(Fault.throttling()));
        try (IamClient iam = Moto.iam(proxy.endpoint())) {
            iam.listAccountAliases();
        }
        assertThat(proxy.requests()).isNotEmpty();
    }

    @Nested
    class InANestedClass {

        @Test
        void theOrganizationIsTheEnclosingClasses(OrgFixture org, MotoServer moto, FaultProxy proxy) {
            assertThat(org.accounts()).extracting(OrgAccount::name).contains("dev", "prod", "root-account");
            assertThat(proxy.upstream()).isEqualTo(moto.endpoint());
            assertThat(MotoAccounts.listIamUsers(moto.endpoint(), org.account("dev").id())).hasSize(3);
        }
    }

    @Nested
    @CoveTest(shape = AwsShape.MOTO)
    class WithItsOwnAnnotation {

        @Test
        void theOutermostDeclarationWins(OrgFixture org, FaultProxy proxy) {
            assertThat(org.accounts()).hasSize(3);
            assertThat(proxy.isAwsToday()).isTrue();
        }
    }
}
