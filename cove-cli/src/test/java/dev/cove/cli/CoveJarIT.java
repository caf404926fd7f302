package dev.cove.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cove.cli.exec.Executables;
import dev.cove.testkit.MotoExtension;
import dev.cove.testkit.OrgFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The packaged jar, run as a real process against moto, as users run it. */
class CoveJarIT {

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    /** One drawing of Cove's bar, e.g. {@code [=====     ] 12/40  failed 1  3.2/s  ETA 5s}. */
    private static final Pattern COVE_BAR = Pattern.compile(
            "\\[[= ]{30}] (\\d+)/(\\d+)(  failed (\\d+))?  \\d+\\.\\d/s  ETA (\\d+m)?\\d+s ?");

    @TempDir
    Path dir;

    private OrgFixture org;

    @BeforeEach
    void buildOrganization() {
        org = SmallOrganization.build(MOTO.endpoint());
    }

    private String endpoint() {
        return MOTO.endpoint().toString();
    }

    @Test
    void exec_awsStsGetCallerIdentity_returnsEachTargetsOwnAccount() throws Exception {
        assumeThat(Executables.locate("aws", System.getenv("PATH")))
                .as("the AWS CLI is needed for this test: python3 -m pip install awscli").isPresent();

        CoveProcess.Result run = CoveProcess.cove(dir, "exec", "--endpoint-url", endpoint(), "--format", "json",
                "--target-ids", org.ouId("prod"), "--regions", "us-east-1,eu-west-1",
                "--", "aws", "sts", "get-caller-identity").run();

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode results = Cli.parse(run.out()).get("Results");
        assertThat(results).hasSize(org.memberIdsUnder("prod").size() * 2);
        for (JsonNode result : results) {
            assertThat(result.get("Result").get("Account").asText()).isEqualTo(result.get("Id").asText());
            assertThat(result.get("Result").get("Arn").asText())
                    .contains(":" + result.get("Id").asText() + ":assumed-role/OrganizationAccountAccessRole/");
        }
        assertThat(Cli.parse(run.out()).get("Exceptions")).isEmpty();
    }

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"INT", "TERM"})
    void signal_midRun_killsRunningCommands_keepsEveryFinishedRecord_andExits130(String signal) throws Exception {
        Path marks = Files.createDirectory(dir.resolve("marks"));
        Path jsonl = dir.resolve("run.jsonl");
        String script = "if [ \"$COVE_REGION\" = us-east-1 ]; then echo \"{\\\"done\\\": \\\"$COVE_ACCOUNT_ID\\\"}\";"
                + " else echo $$ > \"$MARKS/$COVE_ACCOUNT_ID\"; exec sleep 120; fi";
        CoveProcess.Started cove = CoveProcess.cove(dir, "exec", "--endpoint-url", endpoint(), "--format", "jsonl",
                "--output", jsonl.toString(), "--regions", "us-east-1,eu-west-1", "--workers", "8", "--",
                "sh", "-c", script).env("MARKS", marks.toString()).start();
        int members = org.memberIds().size();
        awaitUntil(() -> count(marks) == members && lines(jsonl).size() == members, Duration.ofSeconds(60), cove);
        List<Long> sleepers = new ArrayList<>();
        try (Stream<Path> files = Files.list(marks)) {
            files.forEach(file -> sleepers.add(Long.parseLong(read(file).strip())));
        }

        cove.signal(signal);
        CoveProcess.Result run = cove.await(Duration.ofSeconds(30));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(130);
        List<JsonNode> records = Cli.jsonLines(read(jsonl));
        assertThat(records).filteredOn(r -> r.get("Outcome").asText().equals("Result"))
                .extracting(r -> r.get("Result").get("done").asText())
                .containsExactlyInAnyOrderElementsOf(org.memberIds());
        assertThat(records).filteredOn(r -> !r.get("Outcome").asText().equals("Result"))
                .allSatisfy(r -> assertThat(r.get("Region").asText()).isEqualTo("eu-west-1"));
        for (long pid : sleepers) {
            assertThat(TestProcesses.endsWithin(pid, Duration.ofSeconds(5))).as("pid " + pid + " ended").isTrue();
        }
        assertThat(run.err()).contains("(interrupted)");
    }

    @Test
    void secrets_neverAppearInOutputLogsOrErrors_evenWithDebug() throws Exception {
        Path secrets = Files.createDirectory(dir.resolve("secrets"));
        Path jsonl = dir.resolve("run.jsonl");
        // The command hands the credentials it received to the test through a side channel, and prints only
        // the names of its environment variables; one target fails, so its error path is covered too.
        String script = "printf '%s\\n%s\\n' \"$AWS_SECRET_ACCESS_KEY\" \"$AWS_SESSION_TOKEN\""
                + " >> \"$SECRETS/$COVE_ACCOUNT_ID-$COVE_REGION\"; env | cut -d= -f1 | sort | tr '\\n' ' ';"
                + " if [ \"$COVE_ACCOUNT_ID\" = \"$FAILING\" ]; then echo failing >&2; exit 1; fi";

        CoveProcess.Result jsonRun = CoveProcess.cove(dir, "exec", "--debug", "--endpoint-url", endpoint(),
                "--format", "json", "--", "sh", "-c", script).env("SECRETS", secrets.toString())
                .env("FAILING", org.memberIdsUnder("sandbox").get(0)).env("AWS_PROFILE", "ghost").run();
        CoveProcess.Result jsonlRun = CoveProcess.cove(dir, "exec", "--debug", "--endpoint-url", endpoint(),
                "--format", "jsonl", "--output", jsonl.toString(), "--", "sh", "-c", script)
                .env("SECRETS", secrets.toString()).env("FAILING", "none").run();
        CoveProcess.Result targetsRun = CoveProcess.cove(dir, "targets", "--debug", "--endpoint-url", endpoint()).run();

        assertThat(jsonRun.exitCode()).as(jsonRun.err()).isEqualTo(1);
        assertThat(jsonlRun.exitCode()).as(jsonlRun.err()).isZero();
        List<String> secretValues = new ArrayList<>();
        try (Stream<Path> files = Files.list(secrets)) {
            files.forEach(file -> secretValues.addAll(read(file).lines().toList()));
        }
        assertThat(secretValues).hasSize(org.memberIds().size() * 2 * 2).allSatisfy(secret ->
                assertThat(secret).hasSizeGreaterThan(15));
        String everything = String.join("\n", jsonRun.out(), jsonRun.err(), jsonlRun.out(), jsonlRun.err(),
                read(jsonl), targetsRun.out(), targetsRun.err());
        assertThat(everything).contains("DEBUG");
        for (String secret : secretValues) {
            assertThat(everything).doesNotContain(secret);
        }
        JsonNode names = Cli.parse(jsonRun.out()).get("Results").get(0).get("Result");
        assertThat(names.asText()).contains("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
                "AWS_ENDPOINT_URL", "COVE_ACCOUNT_ID").doesNotContain("AWS_PROFILE");
    }

    @Test
    void profile_givesTheAssumingCredentialsAndRegion() throws Exception {
        Path config = Files.writeString(dir.resolve("config"), "[profile tour]\nregion = eu-west-2\n");
        Path credentials = Files.writeString(dir.resolve("credentials"),
                "[tour]\naws_access_key_id = testing\naws_secret_access_key = testing\n");

        CoveProcess.Result run = CoveProcess.cove(dir, "targets", "--profile", "tour", "--endpoint-url", endpoint(),
                        "--format", "jsonl")
                .env("AWS_ACCESS_KEY_ID", null).env("AWS_SECRET_ACCESS_KEY", null).env("AWS_REGION", null)
                .env("AWS_CONFIG_FILE", config.toString()).env("AWS_SHARED_CREDENTIALS_FILE", credentials.toString())
                .run();
        CoveProcess.Result withoutProfile = CoveProcess.cove(dir, "targets", "--endpoint-url", endpoint())
                .env("AWS_ACCESS_KEY_ID", null).env("AWS_SECRET_ACCESS_KEY", null).env("AWS_REGION", null)
                .env("AWS_CONFIG_FILE", config.toString()).env("AWS_SHARED_CREDENTIALS_FILE", credentials.toString())
                .run();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Cli.jsonLines(run.out())).hasSize(org.memberIds().size())
                .allSatisfy(line -> assertThat(line.get("Region").asText()).isEqualTo("eu-west-2"));
        assertThat(withoutProfile.exitCode()).isEqualTo(2);
        assertThat(withoutProfile.err().lines().findFirst().orElseThrow()).startsWith("cove: ").contains("region");
        assertThat(withoutProfile.err()).doesNotContain("\tat ");
    }

    @Test
    void format_defaultsToJsonOffATerminal_andToTableOnOne() throws Exception {
        CoveProcess.Result piped = CoveProcess.cove(dir, "exec", "--endpoint-url", endpoint(), "--", "true").run();
        CoveProcess.Result terminal = CoveProcess.cove(dir, "exec", "--endpoint-url", endpoint(), "--", "true")
                .jvmOption("-Dcove.stdout.tty=true").run();

        assertThat(Cli.parse(piped.out()).get("Results")).hasSize(org.memberIds().size());
        assertThat(terminal.out()).startsWith("ACCOUNT");
        assertThat(terminal.err()).startsWith("cove: 4 targets in ");
    }

    @Test
    void failFast_andMaxFailures_speakTheCommandsTerms_notTheLibrarys() throws Exception {
        CoveProcess.Result failFast = CoveProcess.cove(dir, "exec", "--endpoint-url", endpoint(), "--fail-fast",
                "--workers", "1", "--format", "jsonl", "--", "sh", "-c", "exit 3").run();
        CoveProcess.Result maxFailures = CoveProcess.cove(dir, "exec", "--endpoint-url", endpoint(), "--max-failures",
                "1", "--workers", "1", "--format", "jsonl", "--", "sh", "-c", "exit 3").run();

        assertThat(failFast.exitCode()).as(failFast.err()).isEqualTo(1);
        assertThat(failFast.err().lines().toList()).hasSize(3).satisfies(
                lines -> assertThat(lines.get(1)).matches("  command exited with code 3 ×1 \\(\\d{12}\\)"),
                lines -> assertThat(lines.get(2)).matches("cove: --fail-fast stopped the run: account \\d{12}"
                        + " region us-east-1 failed: command exited with code 3"));
        assertThat(Cli.jsonLines(failFast.out()).getLast().get("ExceptionDetails").asText())
                .isEqualTo("not started: --fail-fast stopped the run");
        assertThat(maxFailures.exitCode()).as(maxFailures.err()).isEqualTo(1);
        assertThat(maxFailures.err().lines().toList()).hasSize(2).last().asString()
                .matches("  command exited with code 3 ×2 \\(\\d{12}, \\d{12}\\)");
        assertThat(Cli.jsonLines(maxFailures.out()).getLast().get("ExceptionDetails").asText())
                .isEqualTo("not started: more than --max-failures 1 targets failed");
        for (String stderr : List.of(failFast.err(), maxFailures.err())) {
            assertThat(stderr).doesNotContain("raiseException", "maxFailures", "ChildFailedException", "dev.cove",
                    "WARN");
        }
    }

    static Stream<Arguments> supportedJavas() {
        return Jdks.supported().entrySet().stream().map(java -> Arguments.of(java.getKey(), java.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportedJavas")
    void onATerminal_exec_drawsCovesOneProgressBar_theCommands_andNoWarning(String name, Path java)
            throws Exception {
        assumeThat(Executables.locate("script", System.getenv("PATH"))).as("script (util-linux) gives a terminal")
                .isPresent();
        Path records = dir.resolve("run.json");
        String failing = org.memberIds().get(0);

        // No launcher properties: Cove finds the terminal itself. One target fails, so the bar counts it.
        CoveProcess.Result run = CoveProcess.cove(dir, "exec", "--yes", "--endpoint-url", endpoint(), "--output",
                records.toString(), "--", "sh", "-c", "[ \"$COVE_ACCOUNT_ID\" != \"$FAILING\" ]")
                .env("FAILING", failing).java(java).onTerminal().run();

        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        // The terminal carries stdout and stderr as one stream; each redraw of the bar starts with a \r.
        List<String> drawings = run.out().lines().map(String::strip).filter(line -> line.startsWith("[")).toList();
        assertThat(drawings).isNotEmpty().allSatisfy(line -> assertThat(line).matches(COVE_BAR));
        assertThat(drawings).as("one bar, finished once").filteredOn(line -> line.startsWith("[" + "=".repeat(30)))
                .singleElement().asString().startsWith("[" + "=".repeat(30) + "] 4/4  failed 1  ");
        assertThat(run.out()).doesNotContain("WARNING", "WARN", "%", "targets/s");
        List<String> lines = run.out().lines().filter(line -> !line.isBlank()).toList();
        // The summary, then the failures grouped by cause.
        assertThat(lines.get(lines.size() - 2)).startsWith("cove: 4 targets in ");
        assertThat(lines.getLast()).isEqualTo("  command exited with code 1 ×1 (" + failing + ")");
        assertThat(Cli.parse(Files.readString(records)).get("Exceptions")).singleElement()
                .satisfies(exception -> assertThat(exception.get("Id").asText()).isEqualTo(failing));
    }

    @Test
    void noProgress_onATerminal_drawsNoBar_andNeitherDoesAPipedRun() throws Exception {
        assumeThat(Executables.locate("script", System.getenv("PATH"))).as("script (util-linux) gives a terminal")
                .isPresent();

        CoveProcess.Result noProgress = CoveProcess.cove(dir, "exec", "--yes", "--endpoint-url", endpoint(), "--no-progress",
                "--output", dir.resolve("run.json").toString(), "--", "true").onTerminal().run();
        CoveProcess.Result piped = CoveProcess.cove(dir, "exec", "--endpoint-url", endpoint(), "--", "true").run();

        assertThat(noProgress.exitCode()).as(noProgress.out()).isZero();
        assertThat(noProgress.out().strip()).startsWith("cove: 4 targets in ").doesNotContain("[", "\r");
        assertThat(piped.exitCode()).as(piped.err()).isZero();
        assertThat(piped.err().lines()).singleElement().asString().startsWith("cove: 4 targets in ");
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition, Duration timeout,
            CoveProcess.Started cove) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout + "; stderr:\n" + cove.stderr());
            }
            Thread.sleep(100);
        }
    }

    private static long count(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> !read(file).isBlank()).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        return Files.exists(file) ? read(file).lines().toList() : List.of();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
