package dev.cove.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cove merge}: the latest record per target, the plan's missing targets, formats and exit codes. */
class MergeCommandTest {

    @TempDir
    Path dir;

    private static String record(String id, String region, String outcome, String startedAt) {
        return "{\"Id\":\"" + id + "\",\"Region\":\"" + region + "\",\"Partition\":\"aws\",\"AssumeRoleSuccess\":"
                + !outcome.equals("Skipped") + ",\"Outcome\":\"" + outcome + "\""
                + (startedAt == null ? "" : ",\"StartedAt\":\"" + startedAt + "\",\"DurationMs\":5")
                + (outcome.equals("Result") ? ",\"Result\":\"ok\"" : ",\"ExceptionDetails\":\"x\"") + "}\n";
    }

    private static String plan(String... targets) {
        StringBuilder plan = new StringBuilder();
        for (String target : targets) {
            String[] parts = target.split(" ");
            plan.append("{\"Id\":\"").append(parts[0]).append("\",\"Region\":\"").append(parts[1])
                    .append("\",\"Name\":\"n-").append(parts[0]).append("\"}\n");
        }
        return plan.toString();
    }

    @Test
    void merge_ofShardLedgers_keepsEveryTargetOnce_andExits0WhenEveryOneHasAResult() throws Exception {
        Path shard0 = Files.writeString(dir.resolve("shard-0.jsonl"),
                record("111111111111", "us-east-1", "Result", "2026-03-01T10:00:00Z"));
        Path shard1 = Files.writeString(dir.resolve("shard-1.jsonl"),
                record("222222222222", "us-east-1", "Interrupted", "2026-03-01T10:00:00Z")
                + record("222222222222", "us-east-1", "Result", "2026-03-01T10:05:00Z"));
        Path planFile = Files.writeString(dir.resolve("plan.jsonl"),
                plan("111111111111 us-east-1", "222222222222 us-east-1"));

        Cli.Run run = Cli.run("merge", shard1.toString(), shard0.toString(), "--plan", planFile.toString(),
                "-f", "jsonl");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.jsonLines()).extracting(r -> r.get("Id").asText() + " " + r.get("Outcome").asText())
                .containsExactly("111111111111 Result", "222222222222 Result");
        assertThat(run.err()).isEqualTo("cove: merged 2 ledgers: 2 targets: 2 succeeded, 0 exceptions, 0 failed"
                + " assume-role\n");
    }

    @Test
    void merge_withAPlan_namesEveryTargetMissingFromAllLedgers_andWritesItAsSkipped() throws Exception {
        Path shard0 = Files.writeString(dir.resolve("shard-0.jsonl"),
                record("111111111111", "us-east-1", "Result", "2026-03-01T10:00:00Z"));
        Path planFile = Files.writeString(dir.resolve("plan.jsonl"),
                plan("111111111111 us-east-1", "222222222222 us-east-1", "222222222222 eu-west-1"));

        Cli.Run run = Cli.run("merge", shard0.toString(), "--plan", planFile.toString(), "-f", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().toList()).containsExactly(
                "cove: merged 1 ledger: 3 targets: 1 succeeded, 0 exceptions, 0 failed assume-role, 2 skipped",
                "cove: 2 of the plan's targets are missing from every ledger (" + planFile + "):",
                "cove:   222222222222 us-east-1",
                "cove:   222222222222 eu-west-1");
        JsonNode skipped = run.json().get("Skipped");
        assertThat(skipped).hasSize(2).allSatisfy(record -> {
            assertThat(record.get("Reason").asText()).isEqualTo("missing from every ledger");
            assertThat(record.get("Name").asText()).isEqualTo("n-222222222222");
            assertThat(record.has("Outcome")).isFalse();
        });
        assertThat(run.json().get("Results")).hasSize(1);
    }

    @Test
    void merge_thenResumeReadsTheMissingTargetsBack_asUnfinished() throws Exception {
        Path shard0 = Files.writeString(dir.resolve("shard-0.jsonl"),
                record("111111111111", "us-east-1", "Result", "2026-03-01T10:00:00Z"));
        Path planFile = Files.writeString(dir.resolve("plan.jsonl"),
                plan("111111111111 us-east-1", "222222222222 us-east-1"));
        Path merged = dir.resolve("merged.jsonl");

        Cli.run("merge", shard0.toString(), "--plan", planFile.toString(), "-f", "jsonl", "-o", merged.toString());

        assertThat(dev.cove.cli.output.Ledger.read(List.of(merged)).unfinished())
                .extracting(t -> t.id() + " " + t.region()).containsExactly("222222222222 us-east-1");
    }

    @Test
    void merge_ofAFileThatIsNotALedger_isBadUsage_namingTheLine() throws Exception {
        Path notALedger = Files.writeString(dir.resolve("targets.jsonl"),
                "{\"Id\":\"111111111111\",\"Region\":\"us-east-1\"}\n");

        Cli.Run run = Cli.run("merge", notALedger.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("cove: Invalid value for FILE: " + notALedger
                + " line 1: no Outcome: not a record of 'cove exec -f jsonl'");
    }
}
