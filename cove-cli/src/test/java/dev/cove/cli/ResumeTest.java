package dev.cove.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cove.CoveOutcome;
import dev.cove.cli.output.Ledger;
import dev.cove.testkit.MotoExtension;
import dev.cove.testkit.OrgFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code cove exec --resume LEDGER}: only what has no Result runs again, and the ledger is appended to. */
class ResumeTest {

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    @TempDir
    Path dir;

    private OrgFixture org;
    private Path ledger;
    private Path visits;

    @BeforeEach
    void buildOrganization() {
        org = SmallOrganization.build(MOTO.endpoint());
        ledger = dir.resolve("run.jsonl");
        visits = dir.resolve("visits");
    }

    /** Notes each visit, then fails in the accounts named in the file FAILING (if it exists). */
    private String script() {
        return "echo \"$COVE_ACCOUNT_ID $COVE_REGION\" >> " + visits + "; grep -q \"$COVE_ACCOUNT_ID\" " + dir
                + "/failing 2>/dev/null && exit 3; echo \"$COVE_ACCOUNT_ID\"";
    }

    private Cli.Run exec(String... options) {
        List<String> args = new ArrayList<>(List.of("exec", "--endpoint-url", MOTO.endpoint().toString(),
                "--regions", "us-east-1,eu-west-1"));
        args.addAll(List.of(options));
        args.addAll(List.of("--", "sh", "-c", script()));
        return Cli.run(args.toArray(String[]::new));
    }

    private List<String> visited() throws Exception {
        return Files.exists(visits) ? Files.readAllLines(visits) : List.of();
    }

    @Test
    void resume_runsOnlyTheTargetsWithoutAResult_andAppendsTheirRecordsToTheLedger() throws Exception {
        String failing = org.memberIds().get(1);
        Files.writeString(dir.resolve("failing"), failing + "\n");
        Cli.Run first = exec("-f", "jsonl", "-o", ledger.toString());
        assertThat(first.exitCode()).isEqualTo(1);
        Files.delete(dir.resolve("failing"));
        Files.delete(visits);

        Cli.Run resumed = exec("--resume", ledger.toString());

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(visited()).containsExactlyInAnyOrder(failing + " us-east-1", failing + " eu-west-1");
        List<JsonNode> lines = Cli.jsonLines(Files.readString(ledger));
        assertThat(lines).hasSize(org.memberIds().size() * 2 + 2);
        assertThat(lines.subList(lines.size() - 2, lines.size())).allSatisfy(line -> {
            assertThat(line.get("Id").asText()).isEqualTo(failing);
            assertThat(line.get("Outcome").asText()).isEqualTo("Result");
        });
        assertThat(Ledger.read(List.of(ledger)).latest()).hasSize(org.memberIds().size() * 2)
                .allSatisfy(entry -> assertThat(entry.outcome()).isEqualTo(CoveOutcome.RESULT));
        assertThat(resumed.out()).isEmpty();
    }

    @Test
    void resume_ofARunStoppedEarly_runsTheFailedAndTheSkippedTargets() throws Exception {
        Files.writeString(dir.resolve("failing"), String.join("\n", org.memberIds()) + "\n");
        Cli.Run first = exec("-f", "jsonl", "-o", ledger.toString(), "--workers", "1", "--max-failures", "0");
        assertThat(Cli.jsonLines(Files.readString(ledger))).extracting(l -> l.get("Outcome").asText())
                .containsOnly("Exception", "Skipped").hasSize(8);
        assertThat(first.exitCode()).isEqualTo(1);
        Files.delete(dir.resolve("failing"));

        Cli.Run resumed = exec("--resume", ledger.toString());
        Cli.Run again = exec("--resume", ledger.toString());

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(Ledger.read(List.of(ledger)).latest()).hasSize(8)
                .allSatisfy(entry -> assertThat(entry.outcome()).isEqualTo(CoveOutcome.RESULT));
        assertThat(again.exitCode()).isZero();
        assertThat(again.err()).isEqualTo("cove: nothing to resume: every target of " + ledger + " has a Result\n");
    }

    @Test
    void resume_withThePlan_alsoRunsTheTargetsALedgerCutShortNeverReached() throws Exception {
        Path plan = dir.resolve("plan.jsonl");
        Cli.run("targets", "--endpoint-url", MOTO.endpoint().toString(), "--regions", "us-east-1,eu-west-1",
                "-f", "jsonl", "-o", plan.toString());
        exec("-f", "jsonl", "-o", ledger.toString());
        List<String> all = Files.readAllLines(ledger);
        // what a run killed outright (SIGKILL, a lost machine) leaves: 3 records, then half of one
        Files.writeString(ledger, String.join("\n", all.subList(0, 3)) + "\n" + all.get(3).substring(0, 20));
        Files.delete(visits);

        // the plan names the regions itself, so --regions does not go with it
        Cli.Run resumed = Cli.run("exec", "--endpoint-url", MOTO.endpoint().toString(), "--resume", ledger.toString(),
                "--targets-file", plan.toString(), "--", "sh", "-c", script());

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(visited()).hasSize(5);
        assertThat(Ledger.read(List.of(ledger)).latest()).hasSize(8)
                .allSatisfy(entry -> assertThat(entry.outcome()).isEqualTo(CoveOutcome.RESULT));
        assertThat(Files.readString(ledger)).as("the half record is dropped before the new ones are appended")
                .doesNotContain(all.get(3).substring(0, 20) + "\n").startsWith(String.join("\n", all.subList(0, 3)));
    }

    @Test
    void resume_withAnotherFormatOrOutput_isBadUsage() {
        Cli.Run json = exec("--resume", ledger.toString(), "-f", "json");
        Cli.Run output = exec("--resume", ledger.toString(), "-o", dir.resolve("other.jsonl").toString());
        Cli.Run missing = exec("--resume", ledger.toString());

        assertThat(json.exitCode()).isEqualTo(2);
        assertThat(json.err()).startsWith("cove: --resume appends jsonl records to " + ledger
                + ": leave out --format, or give jsonl");
        assertThat(output.exitCode()).isEqualTo(2);
        assertThat(output.err()).startsWith("cove: --resume appends the new records to " + ledger + " itself");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("cove: Invalid value for option '--resume': cannot read " + ledger);
    }
}
