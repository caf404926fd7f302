package dev.cove;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cove.testkit.Moto;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.sts.StsClient;

/** The calling account, run on request with the calling credentials and no role. */
@ParameterizedClass(name = "answering as {0}")
@EnumSource(dev.cove.testkit.AwsShape.class)
class CoveHostAccountTest extends FleetTest {

    @Test
    void includeHostAccount_addsTheCallingAccountToTheSelection() {
        List<CoveTarget> targets = cove().targetIds("/Sandbox").includeHostAccount(true).build().targets();

        assertThat(accounts(targets)).containsExactlyInAnyOrderElementsOf(
                List.of(fleet.id("sandbox-alice"), fleet.id("sandbox-lab"), Moto.MANAGEMENT_ACCOUNT_ID));
    }

    @Test
    void includeHostAccount_runsThereWithTheCallingCredentials_assumingNoRole_andItsRecordSaysSo() {
        CoveOutput<String> out = cove().targetIds("/Sandbox/Labs").includeHostAccount(true).build().run(session -> {
            try (StsClient sts = session.client(StsClient.builder())) {
                return sts.getCallerIdentity().arn();
            }
        });

        assertThat(out.allSucceeded()).isTrue();
        CoveResult<String> host = out.results().stream().filter(r -> r.id().equals(Moto.MANAGEMENT_ACCOUNT_ID))
                .findFirst().orElseThrow();
        assertThat(host.info().callingAccount()).isTrue();
        assertThat(host.info().roleName()).isNull();
        assertThat(host.info().roleSessionName()).isNull();
        assertThat(host.assumeRoleSuccess()).isTrue();
        assertThat(host.result()).doesNotContain("assumed-role");
        assertThat(proxy.requests("AssumeRole")).singleElement()
                .satisfies(r -> assertThat(r.param("RoleArn")).contains(fleet.id("sandbox-lab")));
        assertThat(out.results()).filteredOn(r -> !r.info().callingAccount())
                .allSatisfy(r -> assertThat(r.result()).contains("assumed-role/OrganizationAccountAccessRole"));
    }

    @Test
    void includeHostAccount_ignoreIdsStillWin() {
        List<CoveTarget> targets = cove().targetIds("/Sandbox").includeHostAccount(true)
                .ignoreIds(Moto.MANAGEMENT_ACCOUNT_ID).build().targets();

        assertThat(accounts(targets)).isEqualTo(fleet.ids("sandbox-alice", "sandbox-lab"));
    }

    @Test
    void includeHostAccount_filtersStillApply() {
        List<CoveTarget> targets = cove().includeHostAccount(true).include("id=" + Moto.MANAGEMENT_ACCOUNT_ID).build()
                .targets();

        assertThat(accounts(targets)).containsExactly(Moto.MANAGEMENT_ACCOUNT_ID);
    }

    @Test
    void withoutIncludeHostAccount_theCallingAccountIsNeverSelected() {
        assertThat(accounts(cove().targetIds("/").build().targets())).doesNotContain(Moto.MANAGEMENT_ACCOUNT_ID);
    }
}
