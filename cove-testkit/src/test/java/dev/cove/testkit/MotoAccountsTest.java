package dev.cove.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountAlreadyClosedException;
import software.amazon.awssdk.services.organizations.model.AccountStatus;
import software.amazon.awssdk.services.sts.StsClient;

class MotoAccountsTest {

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    @Test
    void createIamUsers_throughTheAssumedRole_areVisibleOnlyInThatAccount() {
        OrgFixture org = OrganizationBuilder.on(MOTO.endpoint()).accounts(3).build();
        String first = org.memberIds().get(0);
        String second = org.memberIds().get(1);

        assertThat(MotoAccounts.createIamUsers(MOTO.endpoint(), first, 2)).containsExactly("user-1", "user-2");
        MotoAccounts.createIamUsers(MOTO.endpoint(), second, 1);

        assertThat(MotoAccounts.listIamUsers(MOTO.endpoint(), first)).containsExactlyInAnyOrder("user-1", "user-2");
        assertThat(MotoAccounts.listIamUsers(MOTO.endpoint(), second)).containsExactly("user-1");
        assertThat(MotoAccounts.listIamUsers(MOTO.endpoint(), org.memberIds().get(2))).isEmpty();
        try (IamClient iam = Moto.iam(MOTO.endpoint())) {
            assertThat(iam.listUsers().users()).as("users of the management account").isEmpty();
        }
    }

    @Test
    void assumeRole_givesCredentialsThatMotoMapsToTheTargetAccount() {
        OrgFixture org = OrganizationBuilder.on(MOTO.endpoint()).accounts(1).build();
        String member = org.memberIds().get(0);

        try (StsClient sts = Moto.configure(StsClient.builder(), MOTO.endpoint())
                .credentialsProvider(MotoAccounts.assumeRole(MOTO.endpoint(), member)).build()) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo(member);
            assertThat(sts.getCallerIdentity().arn())
                    .isEqualTo("arn:aws:sts::" + member + ":assumed-role/OrganizationAccountAccessRole/cove-testkit");
        }
    }

    @Test
    void assumeRole_inAnAccountOutsideTheOrganization_succeedsBecauseMotoDoesNotCheckRoles() {
        OrganizationBuilder.on(MOTO.endpoint()).build();

        try (StsClient sts = Moto.configure(StsClient.builder(), MOTO.endpoint())
                .credentialsProvider(MotoAccounts.assumeRole(MOTO.endpoint(), Moto.OUTSIDE_ACCOUNT_ID)).build()) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo(Moto.OUTSIDE_ACCOUNT_ID);
        }
    }

    @Test
    void closeAccount_suspendsAtOnce_andListAccountsStillReturnsIt() {
        OrgFixture org = OrganizationBuilder.on(MOTO.endpoint()).accounts(2).build();
        String closed = org.memberIds().get(0);

        MotoAccounts.closeAccount(MOTO.endpoint(), closed);

        assertThat(MotoAccounts.accountStatus(MOTO.endpoint(), closed)).isEqualTo(AccountStatus.SUSPENDED);
        assertThat(MotoAccounts.accountStatus(MOTO.endpoint(), org.memberIds().get(1))).isEqualTo(AccountStatus.ACTIVE);
        try (OrganizationsClient organizations = Moto.organizations(MOTO.endpoint())) {
            List<Account> listed = organizations.listAccountsPaginator().stream()
                    .flatMap(page -> page.accounts().stream()).toList();
            assertThat(listed).filteredOn(account -> account.id().equals(closed))
                    .extracting(Account::status).containsExactly(AccountStatus.SUSPENDED);
        }
        assertThatExceptionOfType(AccountAlreadyClosedException.class)
                .isThrownBy(() -> MotoAccounts.closeAccount(MOTO.endpoint(), closed));
    }

    @Test
    void createIamUsers_withMalformedAccountId_namesIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MotoAccounts.createIamUsers(MOTO.endpoint(), "12345", 1))
                .withMessage("accountId must be 12 digits, got '12345'");
    }
}
