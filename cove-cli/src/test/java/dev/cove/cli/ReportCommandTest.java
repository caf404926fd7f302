package dev.cove.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cove.cli.report.LargeLedger;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cove report} as a command: where the page goes, what it says about the files it read, bad input, and the
 * size of the page of a 300,000-target run. What the page shows is checked in a browser ({@link ReportBrowserTest}).
 */
class ReportCommandTest {

    @TempDir
    Path dir;

    private Path everyOutcome() throws IOException {
        Path ledger = dir.resolve("every-outcome.jsonl");
        try (InputStream in = ReportCommandTest.class.getResourceAsStream("report/every-outcome.jsonl")) {
            Files.copy(in, ledger);
        }
        return ledger;
    }

    @Test
    void report_writesOneSelfContainedFile_andSaysWhere() throws IOException {
        Path html = dir.resolve("run.html");

        Cli.Run run = Cli.run("report", everyOutcome().toString(), "-o", html.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("cove: wrote the report of 16 targets to " + html + "\n");
        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("</html>")
                .doesNotContain("<script", "<link", "src=", "@import", "url(", "http://", "https://");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder(
                    "every-outcome.jsonl", "run.html");
        }
    }

    @Test
    void report_outputDash_writesToStdout_andTheDefaultIsReportHtml() throws IOException {
        Cli.Run run = Cli.run("report", everyOutcome().toString(), "-o", "-");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("<!DOCTYPE html>");
        assertThat(run.err()).isEmpty();
        assertThat(Cli.run("report", "--help").out()).contains("Default: report.html");
    }

    @Test
    void report_escapesWhatTheLedgerSays() throws IOException {
        Path ledger = dir.resolve("run.jsonl");
        Files.writeString(ledger, "{\"Id\":\"111111111111\",\"Name\":\"<img src=x onerror=alert(1)>\","
                + "\"Region\":\"us-east-1\",\"Outcome\":\"Exception\",\"ExceptionDetails\":\"</div><script>x()</script>\"}\n");

        Cli.Run run = Cli.run("report", ledger.toString(), "-o", "-");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("<script", "<img").contains("&lt;/div&gt;&lt;script&gt;x()&lt;/script&gt;");
    }

    @Test
    void report_whenALedgerIsMissing_exits2_namingIt() {
        Cli.Run run = Cli.run("report", dir.resolve("nope.jsonl").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("cove: Invalid value for RUN.jsonl: " + dir.resolve("nope.jsonl") + " does not exist");
    }

    @Test
    void report_whenALineIsNotARecord_exits2_namingTheFileAndLine() throws IOException {
        Path ledger = dir.resolve("run.json");
        Files.writeString(ledger, "{\"Id\":\"111111111111\",\"Region\":\"us-east-1\",\"Outcome\":\"Result\"}\n"
                + "{\"Results\": [\n");

        Cli.Run run = Cli.run("report", ledger.toString(), "-o", dir.resolve("r.html").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("cove: Invalid value for RUN.jsonl: " + ledger + " line 2: not JSON (Unexpected end-of-input: expected close marker for Array)")
                .contains("cove report reads the jsonl ledgers of cove exec -f jsonl");
        assertThat(dir.resolve("r.html")).doesNotExist();
    }

    @Test
    void report_whenTheOutputDirectoryIsMissing_exits2() throws IOException {
        Cli.Run run = Cli.run("report", everyOutcome().toString(), "-o", dir.resolve("no/such/dir/r.html").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--output", "does not exist");
    }

    @Test
    void report_of300000Targets_writesAPageOfAFewMegabytes(@TempDir Path big) throws IOException {
        Path ledger = big.resolve("large.jsonl");
        LargeLedger.write(ledger, 20_000);
        try (Stream<String> lines = Files.lines(ledger)) {
            assertThat(lines.count()).isEqualTo(300_000);
        }
        Path html = big.resolve("large.html");

        Cli.Run run = Cli.run("report", ledger.toString(), "-o", html.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("300000 targets");
        assertThat(Files.size(html)).isBetween(100_000L, 4L * 1024 * 1024);
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"total-targets\">300,000<", "data-cause=\"AccessDenied\"",
                "data-cause=\"command exited with code 3\"", "/Sandbox/Unit5/Team5");
    }
}
