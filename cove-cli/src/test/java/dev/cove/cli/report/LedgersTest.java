package dev.cove.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading ledgers: one record per target, the last one winning; absent fields; cut-off and bad lines. */
class LedgersTest {

    @TempDir
    Path dir;

    private Path file(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    @Test
    void read_whenATargetIsRecordedTwice_keepsTheLastRecord_acrossFilesInTheOrderGiven() throws Exception {
        Path first = file("a.jsonl",
                "{\"Id\":\"111111111111\",\"Region\":\"us-east-1\",\"Outcome\":\"Exception\",\"ExceptionDetails\":\"command exited with code 1\"}",
                "{\"Id\":\"222222222222\",\"Region\":\"us-east-1\",\"Outcome\":\"Skipped\",\"Reason\":\"the run was interrupted\"}");
        Path second = file("b.jsonl",
                "{\"Id\":\"222222222222\",\"Region\":\"us-east-1\",\"Outcome\":\"Result\",\"Result\":\"ok\"}",
                "{\"Id\":\"111111111111\",\"Region\":\"eu-west-1\",\"Outcome\":\"Result\",\"Result\":\"ok\"}");

        Ledgers ledgers = Ledgers.read(List.of(first, second));

        assertThat(ledgers.lines()).isEqualTo(4);
        assertThat(ledgers.replaced()).isEqualTo(1);
        assertThat(ledgers.records()).extracting(r -> r.id() + " " + r.region() + " " + r.outcome()).containsExactly(
                "111111111111 eu-west-1 Result", "111111111111 us-east-1 Exception", "222222222222 us-east-1 Result");
    }

    @Test
    void read_whenFieldsAreAbsent_leavesThemOut() throws Exception {
        Ledgers ledgers = Ledgers.read(List.of(file("old.jsonl",
                "{\"Id\":\"111111111111\",\"Region\":\"us-east-1\",\"AssumeRoleSuccess\":false,\"ExceptionDetails\":\"StsException: denied\"}",
                "{\"Id\":\"222222222222\",\"Result\":\"ok\"}")));

        LedgerRecord denied = ledgers.records().get(0);
        assertThat(denied.outcome()).isEqualTo("FailedAssumeRole");
        assertThat(denied.cause()).isEqualTo("StsException: denied");
        assertThat(denied.ouPath()).isNull();
        assertThat(denied.startedAt()).isNull();
        assertThat(denied.timed()).isFalse();
        LedgerRecord result = ledgers.records().get(1);
        assertThat(result.outcome()).isEqualTo("Result");
        assertThat(result.region()).isNull();
        assertThat(result.cause()).isNull();
    }

    @Test
    void read_takesTheNewFieldsAsWritten() throws Exception {
        Ledgers ledgers = Ledgers.read(List.of(file("new.jsonl",
                "{\"Id\":\"111111111111\",\"Region\":\"us-east-1\",\"Outcome\":\"Interrupted\",\"OuPath\":\"/Prod/Web/\","
                        + "\"Tags\":{\"team\":\"web\"},\"StartedAt\":\"2026-03-02T10:00:01.250Z\",\"DurationMs\":5400,"
                        + "\"ExceptionDetails\":\"interrupted: the run was stopped and the command was killed\"}",
                "{\"Id\":\"222222222222\",\"Region\":\"us-east-1\",\"Outcome\":\"Skipped\",\"Reason\":\"--fail-fast stopped the run\","
                        + "\"ExceptionDetails\":\"not started: --fail-fast stopped the run\",\"OuPath\":\"Sandbox\"}")));

        LedgerRecord interrupted = ledgers.records().get(0);
        assertThat(interrupted.ouPath()).isEqualTo("/Prod/Web");
        assertThat(interrupted.startedAt()).isEqualTo(Instant.parse("2026-03-02T10:00:01.250Z"));
        assertThat(interrupted.durationMs()).isEqualTo(5400);
        assertThat(interrupted.cause()).isEqualTo("interrupted: the run was stopped and the command was killed");
        LedgerRecord skipped = ledgers.records().get(1);
        assertThat(skipped.ouPath()).isEqualTo("/Sandbox");
        assertThat(skipped.cause()).isEqualTo("--fail-fast stopped the run");
        assertThat(skipped.failed()).isFalse();
    }

    @Test
    void read_whenTheLastLineWasCutOff_leavesItOutAndCountsIt() throws Exception {
        Path file = dir.resolve("killed.jsonl");
        Files.writeString(file, "{\"Id\":\"111111111111\",\"Region\":\"us-east-1\",\"Outcome\":\"Result\"}\n"
                + "{\"Id\":\"222222222222\",\"Regi");

        Path midToken = dir.resolve("killed-in-a-token.jsonl");
        Files.writeString(midToken, "{\"Id\":\"111111111111\",\"Region\":\"us-east-1\",\"Outcome\":\"Result\"}\n"
                + "{\"Id\":\"222222222222\",\"AssumeRoleSuccess\":tr");

        Ledgers ledgers = Ledgers.read(List.of(file, midToken));

        assertThat(ledgers.records()).hasSize(1);
        assertThat(ledgers.lines()).isEqualTo(2);
        assertThat(ledgers.replaced()).isEqualTo(1);
        assertThat(ledgers.cutLines()).isEqualTo(2);
    }

    @Test
    void read_whenAnUnfinishedRecordEndsWithANewline_isAnError() throws Exception {
        Path file = file("broken.jsonl", "{\"Id\":\"111111111111\",\"Region\":\"us-east-1\"");

        assertThatThrownBy(() -> Ledgers.read(List.of(file))).isInstanceOf(UnreadableLedgerException.class)
                .hasMessageStartingWith(file + " line 1: not JSON (Unexpected end-of-input: expected close marker for Object)");
    }

    @Test
    void read_whenALineIsNoRecord_namesTheFileAndTheLine() throws Exception {
        Path file = file("bad.jsonl", "{\"Id\":\"111111111111\",\"Region\":\"us-east-1\",\"Outcome\":\"Result\"}",
                "", "{\"Region\":\"us-east-1\"}");

        assertThatThrownBy(() -> Ledgers.read(List.of(file))).isInstanceOf(UnreadableLedgerException.class)
                .hasMessageStartingWith(file + " line 3: the record has no \"Id\"");
        Path array = file("array.jsonl", "[1, 2]");
        assertThatThrownBy(() -> Ledgers.read(List.of(array))).hasMessageStartingWith(array + " line 1: not a JSON object");
    }
}
