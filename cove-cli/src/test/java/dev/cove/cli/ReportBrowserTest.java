package dev.cove.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cove.testkit.Fault;
import dev.cove.testkit.FaultProxy;
import dev.cove.testkit.FaultRule;
import dev.cove.testkit.MotoExtension;
import dev.cove.testkit.OrgFixture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

/**
 * {@code cove report}'s page as a browser shows it: headless Chromium opens the file, and the tests read the DOM
 * it built (counts, grid cells, causes), follow a cell's link, and take a screenshot into
 * {@code target/report-screenshots/}.
 */
class ReportBrowserTest {

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private static final Path SCREENSHOTS = Path.of("target", "report-screenshots");

    private static HeadlessChromium browser;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.start(1280);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    private Path everyOutcome() throws IOException {
        Path ledger = dir.resolve("every-outcome.jsonl");
        try (InputStream in = ReportBrowserTest.class.getResourceAsStream("report/every-outcome.jsonl")) {
            Files.copy(in, ledger);
        }
        return ledger;
    }

    private Path report(Path... ledgers) {
        Path html = dir.resolve("report.html");
        List<String> args = new ArrayList<>(List.of("report", "-o", html.toString()));
        for (Path ledger : ledgers) {
            args.add(ledger.toString());
        }
        Cli.Run run = Cli.run(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return html;
    }

    private static List<String> cells(String ou, String attribute) {
        return browser.attributes("tr[data-ou='" + ou + "'] td", attribute);
    }

    @Test
    void report_ofALedgerWithEveryOutcome_showsTotalsGridAndCauses() throws IOException {
        browser.open(report(everyOutcome()));

        assertThat(browser.one("#verdict").getText()).isEqualTo("6 of 16 targets succeeded · 7 failed · 3 did not finish.");
        assertThat(browser.one("#total-targets").getText()).isEqualTo("16");
        assertThat(browser.attributes(".totals .total", "data-outcome"))
                .containsExactly("Result", "Exception", "FailedAssumeRole", "Interrupted", "Skipped");
        assertThat(browser.texts(".totals .total .n")).containsExactly("6", "3", "4", "1", "2");
        assertThat(browser.texts("#totals .facts li")).containsExactly("Targets 16", "Accounts 8", "Regions 2", "OUs 5",
                "Wall time 30s", "Started 2026-03-02 10:00:00 UTC", "Ended 2026-03-02 10:00:30 UTC");

        assertThat(browser.texts(".grid thead th")).containsExactly("OU", "eu-west-1", "us-east-1", "All regions");
        assertThat(browser.attributes(".grid tbody tr[data-ou]", "data-ou")).containsExactly(
                "/", "/Prod", "/Prod/Data", "/Prod/Web", "/Prod/Web/Edge", "/Sandbox", "(unknown OU)");
        assertThat(browser.texts(".grid tbody tr[data-ou] th")).containsExactly(
                "Root", "Prod", "Data", "Web", "Edge", "Sandbox", "(unknown OU)");
        assertThat(cells("/Sandbox", "data-total")).containsExactly("2", "2", "4");
        assertThat(cells("/Sandbox", "data-failed")).containsExactly("2", "2", "4");
        assertThat(cells("/Prod/Web", "data-failed")).containsExactly("0", "1", "1");
        assertThat(cells("/Prod/Web", "data-unfinished")).containsExactly("1", "0", "1");
        assertThat(cells("(unknown OU)", "data-unfinished")).containsExactly("1", "1", "2");
        assertThat(browser.one("#ou-note").getText()).isEqualTo("2 records carry no OuPath: counted under “(unknown OU)”.");
        assertThat(cells("/Prod", "data-failed")).containsExactly("0", "0", "0");
        assertThat(browser.texts("tr[data-ou='/Sandbox'] td")).containsExactly("2 ✗ of 2", "2 ✗ of 2", "4 ✗ of 4");
        assertThat(browser.texts("tr[data-ou='/Prod'] td")).containsExactly("✓ 1", "✓ 1", "✓ 2");
        assertThat(browser.texts(".grid tr.sum td")).containsExactly("4 ✗ 2 ⊘ of 8", "3 ✗ 1 ⊘ of 8", "7 ✗ 3 ⊘ of 16");

        assertThat(browser.attributes(".cause", "data-cause")).containsExactly("AccessDenied",
                "command exited with code 3", "command timed out after 30s and was killed",
                "more than --max-failures 3 targets failed", "the run was interrupted");
        assertThat(browser.attributes(".cause", "data-count")).containsExactly("4", "2", "1", "2", "1");
        WebElement denied = browser.one(".cause[data-cause='AccessDenied']");
        assertThat(denied.getText()).contains("role not assumed", "4 targets in 2 accounts",
                "666666666666 lab-one, 777777777777 lab-two", "eu-west-1 ×2, us-east-1 ×2");
        assertThat(browser.one(".cause[data-cause='command exited with code 3']").getText())
                .contains("222222222222 web-shop, 555555555555 data-lake", "bucket policy denies access ×2");

        assertThat(browser.texts("#durations table tr td:first-child")).startsWith("30s", "5.4s", "3.1s", "2.4s");
        assertThat(browser.all("#histogram rect")).isNotEmpty();
        assertThat(browser.one("#durations").getText()).contains("Median", "Longest 30s",
                "Durations of 13 targets; left out: 1 record without DurationMs, 2 skipped targets (never ran).");

        assertThat(browser.all("script, link, img, iframe")).isEmpty();
        assertThat(browser.script("return performance.getEntriesByType('resource').length")).isEqualTo(0L);
        Path screenshot = SCREENSHOTS.resolve("every-outcome.png");
        browser.screenshot(screenshot);
        assertThat(screenshot).isNotEmptyFile();
    }

    @Test
    void report_cellLink_leadsToTheCellsFailures() throws IOException {
        browser.open(report(everyOutcome()));

        browser.one("tr[data-ou='/Sandbox'] td:nth-of-type(2) a").click();

        assertThat(browser.currentUrl()).contains("#cell-");
        assertThat((String) browser.script("return document.querySelector(':target').textContent"))
                .contains("/Sandbox · us-east-1", "2 of 2 did not succeed", "AccessDenied ×2", "666666666666",
                        "777777777777");
    }

    @Test
    void report_ofARealExecLedger_groupsItsFailures(@TempDir Path work) throws IOException {
        OrgFixture org = SmallOrganization.build(MOTO.endpoint());
        String sandbox = org.memberIdsUnder("sandbox").get(0);
        String web = org.memberIdsUnder("prod/web").get(0);
        Path ledger = work.resolve("run.jsonl");
        try (FaultProxy proxy = FaultProxy.builder(MOTO.endpoint()).start()) {
            proxy.addRule(FaultRule.on("AssumeRole").whenParamContains("RoleArn", sandbox)
                    .then(Fault.accessDenied("not allowed in the sandbox")));

            Cli.Run exec = Cli.run("exec", "--endpoint-url", proxy.endpoint().toString(), "--regions",
                    "us-east-1,eu-west-1", "-f", "jsonl", "-o", ledger.toString(), "--", "sh", "-c",
                    "if [ $COVE_ACCOUNT_ID = " + web + " ]; then echo 'no bucket here' >&2; exit 3; fi; echo ok");

            assertThat(exec.exitCode()).as(exec.err()).isEqualTo(1);
            assertThat(exec.err().lines()).contains("  AccessDenied ×2 (" + sandbox + ")",
                    "  command exited with code 3 ×2 (" + web + ")");
        }

        browser.open(report(ledger));

        assertThat(browser.one("#verdict").getText()).isEqualTo("4 of 8 targets succeeded · 4 failed.");
        assertThat(browser.texts(".totals .total .n")).containsExactly("4", "2", "2", "0", "0");
        assertThat(browser.texts(".grid thead th")).containsExactly("OU", "eu-west-1", "us-east-1", "All regions");
        assertThat(browser.attributes(".grid tr.sum td", "data-failed")).containsExactly("2", "2", "4");
        // Where the ledger carries OuPath and DurationMs the page uses them; where not, it says so.
        List<JsonNode> records = Cli.jsonLines(Files.readString(ledger));
        if (records.stream().anyMatch(record -> record.has("OuPath"))) {
            assertThat(browser.attributes(".grid tbody tr[data-ou]", "data-ou")).contains("/sandbox", "/prod/web")
                    .doesNotContain("(unknown OU)");
        } else {
            assertThat(browser.attributes(".grid tbody tr[data-ou]", "data-ou")).containsExactly("(unknown OU)");
            assertThat(browser.one("#ou-note").getText()).startsWith("No record carries OuPath");
        }
        if (records.stream().anyMatch(record -> record.has("DurationMs"))) {
            assertThat(browser.all("#histogram rect")).isNotEmpty();
        } else {
            assertThat(browser.one("#durations").getText()).contains("No record carries DurationMs");
        }
        assertThat(browser.attributes(".cause", "data-cause"))
                .containsExactly("AccessDenied", "command exited with code 3");
        assertThat(browser.one(".cause[data-cause='AccessDenied']").getText()).contains(sandbox, "not allowed in the sandbox");
        assertThat(browser.one(".cause[data-cause='command exited with code 3']").getText())
                .contains(web, "no bucket here ×2");
        Path screenshot = SCREENSHOTS.resolve("exec-ledger.png");
        browser.screenshot(screenshot);
        assertThat(screenshot).isNotEmptyFile();
    }
}
