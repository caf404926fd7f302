package dev.cove;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.cove.testkit.Fault;
import dev.cove.testkit.FaultRule;
import dev.cove.testkit.Moto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Accounts read from a targets file: plain IDs, CSV, JSON or JSON lines, with or without Organizations. */
@ParameterizedClass(name = "answering as {0}")
@EnumSource(dev.cove.testkit.AwsShape.class)
class CoveTargetsFileTest extends FleetTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void targetsFile_plainIds_selectThoseAccounts_withTheOrganizationsMetadata() throws IOException {
        Path file = file("accounts.txt", "# curated\n" + fleet.id("prod-data") + "\n\n" + fleet.id("shared-tools")
                + "   # tools\n");

        List<CoveTarget> targets = cove().targetsFile(file).build().targets();

        assertThat(accounts(targets)).isEqualTo(fleet.ids("prod-data", "shared-tools"));
        assertThat(targets).extracting(CoveTarget::name).containsExactlyInAnyOrder("prod-data", "shared-tools");
    }

    @Test
    void targetsFile_csvWithAnIdColumn_selectsItsRows() throws IOException {
        Path file = file("accounts.csv", "Name,Id\n\"sandbox, alice\"," + fleet.id("sandbox-alice") + "\n");

        assertThat(accounts(cove().targetsFile(file).build().targets())).isEqualTo(fleet.ids("sandbox-alice"));
    }

    @Test
    void targetsFile_jsonArray_selectsItsObjects() throws IOException {
        Path file = file("accounts.json", "[{\"Id\": \"" + fleet.id("prod-core") + "\", \"Tags\": {\"a\": 1}},\n"
                + " {\"Id\": \"" + fleet.id("prod-web-1") + "\"}]");

        assertThat(accounts(cove().targetsFile(file).build().targets())).isEqualTo(fleet.ids("prod-core", "prod-web-1"));
    }

    @Test
    void targetsFile_rowsWithARegion_giveThatAccountsRegions_asAPlanMadeOnce() throws IOException {
        List<CoveTarget> plan = cove().targetIds("/Prod/Web").regions("eu-*").build().targets();
        StringBuilder jsonLines = new StringBuilder();
        for (CoveTarget target : plan) {
            jsonLines.append("{\"Id\":\"").append(target.id()).append("\",\"Region\":\"").append(target.region())
                    .append("\",\"Name\":\"").append(target.name()).append("\",\"State\":\"ACTIVE\"}\n");
        }
        proxy.clear();

        List<CoveTarget> replayed = cove().targetsFile(file("plan.jsonl", jsonLines.toString())).build().targets();

        assertThat(pairs(replayed)).isEqualTo(pairs(plan));
        assertThat(proxy.count("ListRegions")).as("the plan's regions are used as they are").isZero();
    }

    @Test
    void targetsFile_withTargetIds_selectsTheAccountsOfBoth() throws IOException {
        Path file = file("accounts.txt", fleet.id("shared-tools") + "\n");

        assertThat(accounts(cove().targetsFile(file).targetIds("/Sandbox/Labs").build().targets()))
                .isEqualTo(fleet.ids("shared-tools", "sandbox-lab"));
    }

    @Test
    void targetsFile_ignoresAndFiltersStillApply() throws IOException {
        Path file = file("accounts.txt", String.join("\n", fleet.ids("prod-core", "prod-web-1", "sandbox-lab")));

        assertThat(accounts(cove().targetsFile(file).ignoreIds("/Sandbox").exclude("name=prod-core").build()
                .targets())).isEqualTo(fleet.ids("prod-web-1"));
    }

    @Test
    void targetsFile_anAccountOutsideTheOrganization_failsNamingFileAndLine() throws IOException {
        Path file = file("accounts.txt", fleet.id("prod-core") + "\n" + Moto.OUTSIDE_ACCOUNT_ID + "\n");

        assertThatExceptionOfType(CoveConfigurationException.class)
                .isThrownBy(() -> cove().targetsFile(file).build().targets())
                .withMessage("targetsFile: " + file + ":2: account " + Moto.OUTSIDE_ACCOUNT_ID + " is not a member of "
                        + "this organization; remove it or check the ID");
    }

    @Test
    void targetsFile_withoutOrganizations_runsWithTheFilesNamesAndEmails() throws IOException {
        proxy.addRule(FaultRule.on("ListAccounts").always().then(Fault.accessDenied("no Organizations here")));
        Path file = file("accounts.csv", "Id,Name,Email\n" + fleet.id("prod-core") + ",core,core@example.org\n"
                + fleet.id("sandbox-lab") + ",lab,lab@example.org\n");

        CoveOutput<String> out = cove().targetsFile(file).include("name=core").build()
                .run(session -> session.sessionInformation().email());

        assertThat(out.results()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(fleet.id("prod-core"));
            assertThat(r.result()).isEqualTo("core@example.org");
            assertThat(r.info().state()).isNull();
        });
    }

    @Test
    void targetsFile_withoutOrganizations_aFilterNeedingTheOrganization_failsSayingSo() throws IOException {
        proxy.addRule(FaultRule.on("ListAccounts").always().then(Fault.accessDenied("no Organizations here")));
        Path file = file("accounts.txt", fleet.id("prod-core") + "\n");

        assertThatExceptionOfType(CoveConfigurationException.class)
                .isThrownBy(() -> cove().targetsFile(file).include("tag:env=prod").build().targets())
                .withMessageStartingWith("include: include tag:env=prod cannot be decided: the organization's accounts "
                        + "cannot be listed");
    }
}
