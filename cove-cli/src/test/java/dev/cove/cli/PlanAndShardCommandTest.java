package dev.cove.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cove.testkit.FaultProxy;
import dev.cove.testkit.MotoExtension;
import dev.cove.testkit.OrgFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code --targets-file} (a plan made once by {@code cove targets -f jsonl}) and {@code --shard I/N}. */
class PlanAndShardCommandTest {

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    @TempDir
    Path dir;

    private OrgFixture org;
    private FaultProxy proxy;
    private Path plan;

    @BeforeEach
    void makeThePlan() {
        org = SmallOrganization.build(MOTO.endpoint());
        proxy = FaultProxy.start(MOTO.endpoint());
        plan = dir.resolve("plan.jsonl");
        Cli.Run made = Cli.run("targets", "--endpoint-url", MOTO.endpoint().toString(), "--regions",
                "us-east-1,eu-west-1", "-f", "jsonl", "-o", plan.toString());
        assertThat(made.exitCode()).as(made.err()).isZero();
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    private static String key(JsonNode record) {
        return record.get("Id").asText() + " " + record.get("Region").asText();
    }

    @Test
    void exec_targetsFile_runsExactlyThePlan_withItsMetadata_withoutListingTheOrganization() throws Exception {
        Cli.Run run = Cli.run("exec", "--endpoint-url", proxy.endpoint().toString(), "--targets-file", plan.toString(),
                "-f", "jsonl", "--", "sh", "-c", "echo $COVE_ACCOUNT_NAME");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> planned = Cli.jsonLines(Files.readString(plan));
        assertThat(run.jsonLines()).extracting(PlanAndShardCommandTest::key)
                .containsExactlyInAnyOrderElementsOf(planned.stream().map(PlanAndShardCommandTest::key).toList());
        assertThat(run.jsonLines()).allSatisfy(r -> assertThat(r.get("Result").asText()).isEqualTo(r.get("Name").asText()));
        assertThat(proxy.count("ListAccounts")).isZero();
        assertThat(proxy.count("AssumeRole")).isEqualTo(org.memberIds().size());
    }

    @Test
    void exec_shards_ofOnePlan_runEveryTargetExactlyOnce_inWholeAccounts() {
        List<String> ran = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (int index = 0; index < 3; index++) {
            Cli.Run shard = Cli.run("exec", "--endpoint-url", proxy.endpoint().toString(), "--targets-file",
                    plan.toString(), "--shard", index + "/3", "-f", "jsonl", "--", "true");
            Cli.Run targets = Cli.run("targets", "--endpoint-url", proxy.endpoint().toString(), "--targets-file",
                    plan.toString(), "--shard", index + "/3", "-f", "jsonl");
            assertThat(shard.exitCode()).as(shard.err()).isZero();
            shard.jsonLines().forEach(r -> ran.add(key(r)));
            targets.jsonLines().forEach(r -> shown.add(key(r)));
            assertThat(shard.jsonLines()).extracting(r -> r.get("Id").asText()).as("whole accounts")
                    .allSatisfy(id -> assertThat(shard.jsonLines()).filteredOn(r -> r.get("Id").asText().equals(id))
                            .hasSize(2));
        }

        assertThat(ran).doesNotHaveDuplicates().hasSize(org.memberIds().size() * 2).containsExactlyInAnyOrderElementsOf(shown);
        assertThat(proxy.count("ListAccounts")).isZero();
    }

    @Test
    void resume_ofAShard_withThePlan_runsOnlyThatSharesUnfinishedTargets() throws Exception {
        Path ledger = dir.resolve("shard-1.jsonl");
        Cli.Run failed = Cli.run("exec", "--endpoint-url", proxy.endpoint().toString(), "--targets-file",
                plan.toString(), "--shard", "1/3", "-f", "jsonl", "-o", ledger.toString(), "--", "false");
        List<String> share = Cli.jsonLines(Files.readString(ledger)).stream().map(PlanAndShardCommandTest::key).toList();

        Cli.Run resumed = Cli.run("exec", "--endpoint-url", proxy.endpoint().toString(), "--targets-file",
                plan.toString(), "--shard", "1/3", "--resume", ledger.toString(), "--", "true");

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        List<JsonNode> lines = Cli.jsonLines(Files.readString(ledger));
        assertThat(lines).hasSize(share.size() * 2);
        assertThat(lines.subList(share.size(), lines.size())).extracting(PlanAndShardCommandTest::key)
                .as("the same share, again").containsExactlyInAnyOrderElementsOf(share);
        assertThat(lines.subList(share.size(), lines.size()))
                .allSatisfy(r -> assertThat(r.get("Outcome").asText()).isEqualTo("Result"));
    }

    @Test
    void exec_shardIndexOutOfRange_isBadUsage_inTheCommandsTerms() {
        Cli.Run run = Cli.run("exec", "--endpoint-url", proxy.endpoint().toString(), "--targets-file", plan.toString(),
                "--shard", "3/3", "--", "true");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("cove: --shard: the shard index must be 0 to 2 for 3 shards (it counts from 0),"
                + " got 3\n");
    }
}
