package dev.cove.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cove.testkit.AwsShape;
import dev.cove.testkit.MotoAccounts;
import dev.cove.testkit.MotoExtension;
import dev.cove.testkit.OrgAccount;
import dev.cove.testkit.OrgFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code cove targets} in this JVM against moto: the selection, and every format parsed back. */
@ParameterizedClass(name = "answering as {0}")
@EnumSource(AwsShape.class)
class TargetsCommandTest {

    /** How the AWS API answers: as moto does, or as AWS does today. */
    @Parameter
    AwsShape shape;

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private OrgFixture org;

    @BeforeEach
    void buildOrganization() {
        org = SmallOrganization.build(MOTO.endpoint());
    }

    private Cli.Run targets(String... args) {
        String[] all = Stream.concat(Stream.of("targets", "--endpoint-url", MOTO.endpoint(shape).toString()),
                Stream.of(args)).toArray(String[]::new);
        return Cli.run(all);
    }

    private List<String> sorted(List<String> ids) {
        return ids.stream().sorted().toList();
    }

    @Test
    void targets_json_isAnArrayOfTargetsWithMetadata_sortedByAccount() {
        Cli.Run run = targets("--target-ids", org.ouId("prod"), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode array = run.json();
        assertThat(array.isArray()).isTrue();
        assertThat(array.findValuesAsText("Id")).containsExactlyElementsOf(sorted(org.memberIdsUnder("prod")));
        OrgAccount first = org.accountsUnder("prod").stream().filter(a -> a.id().equals(array.get(0).get("Id").asText()))
                .findFirst().orElseThrow();
        assertThat(array.get(0).get("Name").asText()).isEqualTo(first.name());
        assertThat(array.get(0).get("Email").asText()).isEqualTo(first.email());
        assertThat(array.get(0).get("State").asText()).isEqualTo("ACTIVE");
        assertThat(array.get(0).get("Region").asText()).isEqualTo("us-east-1");
        assertThat(array.get(0).get("Arn").asText()).endsWith("/" + first.id());
        assertThat(run.err()).isEmpty();
    }

    @Test
    void targets_regions_takeCommaSeparatedAndRepeatedValues_inTheGivenOrder() {
        Cli.Run run = targets("--target-ids", org.ouId("sandbox"), "--regions", "eu-west-1,us-east-1",
                "--regions", "ap-south-1", "--format", "jsonl");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.jsonLines()).extracting(line -> line.get("Region").asText())
                .containsExactly("eu-west-1", "us-east-1", "ap-south-1");
    }

    @Test
    void targets_ignoreIds_winOverTargetIds_andTakeOus() {
        String prodOnly = org.accountsIn("prod").get(0).id();

        Cli.Run run = targets("--target-ids", org.ouId("prod") + "," + org.ouId("sandbox"),
                "--ignore-ids", org.ouId("prod/web"), "--ignore-ids", org.memberIdsUnder("sandbox").get(0),
                "--format", "jsonl");

        assertThat(run.jsonLines()).extracting(line -> line.get("Id").asText()).containsExactly(prodOnly);
    }

    @Test
    void targets_rootId_selectsTheWholeOrganization() {
        Cli.Run run = targets("--target-ids", org.rootId(), "--format", "jsonl");

        assertThat(run.jsonLines()).extracting(line -> line.get("Id").asText())
                .containsExactlyElementsOf(sorted(org.memberIds()));
    }

    @Test
    void targets_csv_hasAHeaderAndOneRowPerTarget() throws Exception {
        Cli.Run run = targets("--format", "csv");

        List<Map<String, String>> rows = Cli.csv(run.out());

        assertThat(rows).extracting(row -> row.get("Id")).containsExactlyElementsOf(sorted(org.memberIds()));
        assertThat(rows.get(0).keySet()).containsExactly("Id", "Region", "Arn", "Email", "Name", "Status",
                "State", "OuPath", "Tags");
        assertThat(run.out().lines().findFirst()).contains("Id,Region,Arn,Email,Name,Status,State,OuPath,Tags");
    }

    @Test
    void targets_table_hasAHeaderAndOneLinePerTarget() {
        Cli.Run run = targets("--format", "table");

        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("ACCOUNT").contains("REGION", "NAME", "EMAIL", "STATE");
        assertThat(lines).hasSize(org.memberIds().size() + 1);
        org.memberIds().forEach(id -> assertThat(run.out()).contains(id));
    }

    @Test
    void targets_withoutFormat_whenStdoutIsNotATerminal_writesJson() {
        Cli.Run run = targets();

        assertThat(run.json().isArray()).isTrue();
    }

    @Test
    void targets_output_writesTheFileAtomically_andNothingOnStdout(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("targets.json");
        Files.writeString(file, "old content");

        Cli.Run run = targets("--output", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(Cli.parse(Files.readString(file)).size()).isEqualTo(org.memberIds().size());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void targets_table_showsEachAccountsState_andStatusOnlyWhereAwsSendsIt() {
        Cli.Run run = targets("--format", "table");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String header = run.out().lines().findFirst().orElseThrow();
        assertThat(header).contains("STATE");
        assertThat(header.contains("STATUS")).isEqualTo(shape == AwsShape.MOTO);
        assertThat(run.out().lines().skip(1).filter(line -> line.contains("ACTIVE"))).hasSize(org.memberIds().size());
    }

    @Test
    void targets_rootIdOfNoOrganization_exits2NamingItInsteadOfSelectingEveryAccount() {
        Cli.Run run = targets("--target-ids", "r-zzzz");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("r-zzzz is not the root of this organization (its root is " + org.rootId());
    }

    @Test
    void targets_suspendedAccount_exits2NamingItsState() {
        String closed = org.memberIds().get(0);
        MotoAccounts.closeAccount(MOTO.endpoint(), closed);

        Cli.Run run = targets("--target-ids", closed);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("account " + closed + " is SUSPENDED, not ACTIVE");
    }
}
