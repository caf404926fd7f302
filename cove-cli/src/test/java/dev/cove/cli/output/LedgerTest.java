package dev.cove.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.cove.CoveOutcome;
import dev.cove.CoveTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading ledgers: each target's latest record, a torn last line, and lines that are not records. */
class LedgerTest {

    @TempDir
    Path dir;

    private static String record(String id, String region, String outcome, String startedAt) {
        return "{\"Id\":\"" + id + "\",\"Name\":\"n-" + id + "\",\"Region\":\"" + region + "\",\"Outcome\":\"" + outcome
                + "\"" + (startedAt == null ? "" : ",\"StartedAt\":\"" + startedAt + "\"") + "}\n";
    }

    @Test
    void latest_aRecordThatRanBeatsOneThatNeverStarted_andTheLaterStartWins() throws Exception {
        Path first = Files.writeString(dir.resolve("a.jsonl"),
                record("111111111111", "us-east-1", "Result", "2026-03-01T10:00:00Z")
                + record("222222222222", "us-east-1", "Interrupted", "2026-03-01T10:00:00Z")
                + record("333333333333", "us-east-1", "Skipped", null));
        Path second = Files.writeString(dir.resolve("b.jsonl"),
                record("111111111111", "us-east-1", "Skipped", null)
                + record("222222222222", "us-east-1", "Result", "2026-03-01T11:00:00Z")
                + record("333333333333", "us-east-1", "Exception", "2026-03-01T11:00:00Z"));

        Ledger ledger = Ledger.read(List.of(second, first));

        assertThat(ledger.latest()).extracting(e -> e.id() + " " + e.outcome().label()).containsExactly(
                "111111111111 Result", "222222222222 Result", "333333333333 Exception");
        assertThat(ledger.unfinished()).containsExactly(
                new CoveTarget("333333333333", "us-east-1", null, null, "n-333333333333", null, null, null, null));
    }

    @Test
    void latest_betweenEqualRecords_theOneReadLaterWins() throws Exception {
        Path ledger = Files.writeString(dir.resolve("run.jsonl"),
                record("111111111111", "us-east-1", "Skipped", null) + record("111111111111", "us-east-1", "Skipped",
                        null).replace("Skipped\"", "Skipped\",\"Reason\":\"again\""));

        assertThat(Ledger.read(List.of(ledger)).latest()).singleElement()
                .satisfies(e -> assertThat(e.record().get("Reason").asText()).isEqualTo("again"));
    }

    @Test
    void read_ignoresALastLineCutShort_butNotABadLineElsewhere() throws Exception {
        Path torn = Files.writeString(dir.resolve("torn.jsonl"),
                record("111111111111", "us-east-1", "Result", "2026-03-01T10:00:00Z") + "{\"Id\":\"2222");
        Path bad = Files.writeString(dir.resolve("bad.jsonl"),
                "{\"Id\":\"2222\n" + record("111111111111", "us-east-1", "Result", "2026-03-01T10:00:00Z"));
        Path foreign = Files.writeString(dir.resolve("foreign.jsonl"), "{\"Id\":\"111111111111\",\"Region\":\"x\"}\n");

        assertThat(Ledger.read(List.of(torn)).latest()).extracting(Ledger.Entry::outcome)
                .containsExactly(CoveOutcome.RESULT);
        assertThatExceptionOfType(Ledger.BadLedgerException.class).isThrownBy(() -> Ledger.read(List.of(bad)))
                .withMessageStartingWith(bad + " line 1: not a JSON record");
        assertThatExceptionOfType(Ledger.BadLedgerException.class).isThrownBy(() -> Ledger.read(List.of(foreign)))
                .withMessage(foreign + " line 1: no Outcome: not a record of 'cove exec -f jsonl'");
    }
}
