package dev.cove.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cove.testkit.AwsShape;
import dev.cove.testkit.Fault;
import dev.cove.testkit.FaultProxy;
import dev.cove.testkit.FaultRule;
import dev.cove.testkit.FleetOrganization;
import dev.cove.testkit.Moto;
import dev.cove.testkit.MotoExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each selector of {@code cove targets} and {@code cove exec} on the fleet organization (tagged accounts in nested
 * OUs, accounts with different regions enabled): the dry run prints exactly the expected accounts × regions, exec
 * runs exactly those, and a bad selector exits 2 with one line naming it.
 */
@ParameterizedClass(name = "answering as {0}")
@EnumSource(AwsShape.class)
class SelectionCommandTest {

    /** How the AWS API answers: as moto does, or as AWS does today. */
    @Parameter
    AwsShape shape;

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    @TempDir
    Path dir;

    private FleetOrganization.Fleet fleet;
    private FaultProxy proxy;

    @BeforeEach
    void buildFleet() {
        fleet = FleetOrganization.build(MOTO.endpoint());
        proxy = FaultProxy.builder(MOTO.endpoint()).awsToday(shape == AwsShape.AWS_TODAY)
                .accountRegions(fleet.regions()).start();
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    private Cli.Run cove(String command, String... args) {
        List<String> all = new ArrayList<>(List.of(command, "--endpoint-url", proxy.endpoint().toString()));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    /** {@code cove targets ... -f jsonl}: the printed targets as {@code name/region}, in output order. */
    private List<String> targets(String... args) {
        Cli.Run run = cove("targets", Stream.concat(Stream.of(args), Stream.of("-f", "jsonl")).toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.jsonLines().stream().map(line -> name(line.get("Id").asText()) + "/" + line.get("Region").asText())
                .toList();
    }

    private String name(String id) {
        return id.equals(Moto.MANAGEMENT_ACCOUNT_ID) ? "management"
                : fleet.org().accounts().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow().name();
    }

    /** The accounts named, each in us-east-1 (the default region), in account ID order. */
    private List<String> inDefaultRegion(String... names) {
        return Stream.of(names).sorted((a, b) -> fleet.id(a).compareTo(fleet.id(b))).map(n -> n + "/us-east-1")
                .toList();
    }

    private List<String> enabled(String name, java.util.function.Predicate<String> keep) {
        return fleet.enabledRegions(fleet.id(name)).stream().filter(keep).map(region -> name + "/" + region).toList();
    }

    @Test
    void targets_targetIds_ouPath_printsEveryAccountBelowThatOu() {
        assertThat(targets("--target-ids", "/Prod/Web")).isEqualTo(inDefaultRegion("prod-web-1", "prod-web-2"));
    }

    @Test
    void targets_ignoreIds_ouPath_removesEveryAccountBelowIt() {
        assertThat(targets("--target-ids", "/Prod", "--ignore-ids", "/Prod/Web,/Prod/Data"))
                .isEqualTo(inDefaultRegion("prod-core"));
    }

    @Test
    void targets_include_name_valuesAreAlternatives_inOneFlag() {
        assertThat(targets("--include", "name=prod-core,shared-*")).isEqualTo(inDefaultRegion("prod-core",
                "shared-tools"));
    }

    @Test
    void targets_include_repeated_mustAllHold() {
        assertThat(targets("--include", "tag:env=prod", "--include", "ou=/Prod/*"))
                .isEqualTo(inDefaultRegion("prod-web-1", "prod-web-2", "prod-data"));
    }

    @Test
    void targets_exclude_tag_removesEveryMatchingAccount() {
        assertThat(targets("--target-ids", "/Prod", "--exclude", "tag:team=web", "--exclude", "name=prod-core"))
                .isEqualTo(inDefaultRegion("prod-data"));
    }

    @Test
    void targets_include_ouDoubleStar_andTag_printOuPathAndTags() {
        Cli.Run run = cove("targets", "--include", "ou=/Sandbox/**", "--include", "tag:owner=*", "-f", "jsonl");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode line = run.jsonLines().getFirst();
        assertThat(run.jsonLines()).hasSize(1);
        assertThat(line.get("Name").asText()).isEqualTo("sandbox-alice");
        assertThat(line.get("OuPath").asText()).isEqualTo("/Sandbox");
        assertThat(line.get("Tags").get("owner").asText()).isEqualTo("alice");
    }

    @Test
    void targets_table_showsOuPathAndTagsColumns_whenTheyWereRead() {
        Cli.Run run = cove("targets", "--include", "ou=/Prod/Web", "-f", "table");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().findFirst().orElseThrow()).contains("OU PATH").doesNotContain("TAGS");
        assertThat(run.out()).contains("/Prod/Web");
        Cli.Run tagged = cove("targets", "--include", "tag:cost=low", "-f", "table");
        assertThat(tagged.out()).contains("TAGS", "cost=low, env=prod, team=web");
    }

    @Test
    void targets_regions_all_printsEachAccountsOwnEnabledRegions() {
        List<String> expected = new ArrayList<>();
        Stream.of("prod-core", "prod-web-1", "prod-web-2").sorted((a, b) -> fleet.id(a).compareTo(fleet.id(b)))
                .forEach(name -> expected.addAll(enabled(name, region -> true)));

        assertThat(targets("--target-ids", "/Prod/Web," + fleet.id("prod-core"), "--regions", "all"))
                .isEqualTo(expected);
    }

    @Test
    void targets_regions_glob_andExcludeRegions_selectPerAccount() {
        assertThat(targets("--target-ids", "/Prod", "--regions", "ap-*,eu-*", "--exclude-regions", "eu-central-1,eu-west-*"))
                .containsExactlyInAnyOrder("prod-core/ap-east-1", "prod-web-1/eu-south-1");
    }

    @Test
    void targets_targetsFile_fromATargetsJsonlOutput_printsTheSamePlan() throws Exception {
        Cli.Run plan = cove("targets", "--include", "tag:env=dev", "--regions", "all", "-f", "jsonl");
        Path file = Files.writeString(dir.resolve("plan.jsonl"), plan.out());
        proxy.clear();

        Cli.Run replay = cove("targets", "--targets-file", file.toString(), "-f", "jsonl");

        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(replay.jsonLines()).extracting(l -> l.get("Id").asText() + "/" + l.get("Region").asText())
                .isEqualTo(plan.jsonLines().stream().map(l -> l.get("Id").asText() + "/" + l.get("Region").asText())
                        .toList())
                .hasSize(6 + 7 /* sandbox-lab, sandbox-alice with me-south-1 */);
        assertThat(proxy.count("ListRegions")).isZero();
    }

    @Test
    void targets_targetsFile_plainIds() throws Exception {
        Path file = Files.writeString(dir.resolve("accounts.txt"), fleet.id("prod-data") + "\n" + fleet.id("shared-tools") + "\n");

        assertThat(targets("--targets-file", file.toString())).isEqualTo(inDefaultRegion("prod-data", "shared-tools"));
    }

    @Test
    void targets_includeHost_printsTheCallingAccountToo() {
        assertThat(targets("--target-ids", "/Sandbox/Labs", "--include-host"))
                .containsExactlyInAnyOrder("sandbox-lab/us-east-1", "management/us-east-1");
    }

    @Test
    void exec_runsExactlyTheSelectedAccountsAndRegions() {
        Cli.Run run = cove("exec", "--include", "tag:env=prod", "--exclude", "ou=/Prod/Web", "--regions", "us-west-*",
                "-f", "jsonl", "--", "sh", "-c", "echo \"$COVE_ACCOUNT_ID/$COVE_REGION\"");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.jsonLines()).extracting(line -> line.get("Result").asText())
                .containsExactlyInAnyOrder(fleet.id("prod-core") + "/us-west-1", fleet.id("prod-core") + "/us-west-2",
                        fleet.id("prod-data") + "/us-west-1", fleet.id("prod-data") + "/us-west-2");
        assertThat(run.jsonLines()).allSatisfy(line -> {
            assertThat(line.get("Tags").get("env").asText()).isEqualTo("prod");
            assertThat(line.get("OuPath").asText()).startsWith("/Prod");
        });
    }

    @Test
    void exec_withRegionsAll_runsEachAccountInItsEnabledRegionsOnly() {
        Cli.Run run = cove("exec", "--target-ids", "/Prod/Web", "--regions", "all", "-f", "jsonl", "--", "true");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> ran = run.jsonLines().stream().map(l -> name(l.get("Id").asText()) + "/" + l.get("Region").asText())
                .toList();
        List<String> expected = new ArrayList<>(enabled("prod-web-1", r -> true));
        expected.addAll(enabled("prod-web-2", r -> true));
        assertThat(ran).containsExactlyInAnyOrderElementsOf(expected).doesNotContain("prod-web-2/ap-east-1");
    }

    @Test
    void exec_includeHost_runsThereWithTheCallingCredentials_andItsRecordSaysSo() {
        Cli.Run run = cove("exec", "--target-ids", "/Sandbox/Labs", "--include-host", "-f", "jsonl", "--", "true");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode host = run.jsonLines().stream().filter(l -> l.get("Id").asText().equals(Moto.MANAGEMENT_ACCOUNT_ID))
                .findFirst().orElseThrow();
        assertThat(host.get("CallingAccount").asBoolean()).isTrue();
        assertThat(host.has("RoleName")).isFalse();
        assertThat(host.get("Outcome").asText()).isEqualTo("Result");
        assertThat(proxy.requests("AssumeRole")).hasSize(1);
    }

    @Test
    void badSelector_ouPathThatDoesNotExist_exits2WithOneLineNamingIt() {
        Cli.Run run = cove("targets", "--target-ids", "/Prod/Mobile");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).hasSize(1).first().asString()
                .isEqualTo("cove: --target-ids: no OU named 'Mobile' under /Prod (in the path /Prod/Mobile); the OUs "
                        + "under /Prod are Data, Web");
    }

    @Test
    void badSelector_filtersThatLeaveNothing_exit2SayingWhichRemovedHowMany() {
        Cli.Run run = cove("exec", "--include", "name=prod-*", "--exclude", "tag:env=prod", "--", "true");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1).first().asString()
                .isEqualTo("cove: --exclude: There are no eligible account ids to run against: the selection leaves "
                        + "7 account(s), and the filters remove them all: include name=prod-* removed 3 of 7, exclude "
                        + "tag:env=prod removed 4 of 4");
        assertThat(proxy.count("AssumeRole")).isZero();
    }

    @Test
    void badSelector_regionsThatNoAccountHasEnabled_exit2() {
        Cli.Run run = cove("targets", "--target-ids", "/Sandbox/Labs", "--regions", "ap-*");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1).first().asString().startsWith("cove: --regions: no selected account "
                + "has a region to run in");
    }

    @Test
    void badSelector_regionsAllWhenNoLookupIsAllowed_exit2NamingBothCalls() {
        proxy.addRule(FaultRule.on("ListRegions").always().then(Fault.accessDenied("no")));
        proxy.addRule(FaultRule.on("DescribeRegions").always().then(Fault.awsError(403, "UnauthorizedOperation", "no")));

        Cli.Run run = cove("targets", "--target-ids", "/Sandbox/Labs", "--regions", "all");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1).first().asString().startsWith("cove: --regions: cannot read the "
                + "regions enabled in account " + fleet.id("sandbox-lab") + ": account:ListRegions is denied, and "
                + "ec2:DescribeRegions failed in the account");
    }

    @Test
    void badSelector_targetsFileRowThatIsNoAccount_exit2NamingFileLineAndValue() throws Exception {
        Path file = Files.writeString(dir.resolve("accounts.txt"), fleet.id("prod-data") + "\nprod-web\n");

        Cli.Run run = cove("exec", "--targets-file", file.toString(), "--", "true");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1).first().asString()
                .isEqualTo("cove: --targets-file: " + file + ":2: 'prod-web' is not a 12-digit account ID");
    }
}
