package dev.cove.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cove.cli.exec.Executables;
import dev.cove.testkit.MotoExtension;
import dev.cove.testkit.OrgFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tarball {@code cove-<version>-linux-x64.tar.gz}, unpacked and run as on a machine without Java: no
 * {@code JAVA_HOME}, and a {@code PATH} of only the few programs the launcher and the tests' commands use (this
 * machine's {@code /usr/bin} has a {@code java}, so it is left out).
 */
class DistributionIT {

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private static final Path TARBALL = Path.of(System.getProperty("cove.tarball",
            "target/cove-unknown-linux-x64.tar.gz")).toAbsolutePath();
    /** What the launcher (sh, readlink, dirname) and the programs the tests run in each target (sh) need. */
    private static final List<String> TOOLS = List.of("sh", "readlink", "dirname");
    /** Modules jdeps finds in the jar that the runtime leaves out on purpose: Jackson requires them statically. */
    private static final Set<String> LEFT_OUT = Set.of("java.desktop", "java.sql");

    @TempDir
    static Path root;

    private static Path home;
    private static String version;
    private static String noJavaPath;

    @TempDir
    Path dir;

    private OrgFixture org;

    @BeforeAll
    static void unpack() throws Exception {
        assertThat(TARBALL).as("built by the package phase").isRegularFile();
        Path unpacked = Files.createDirectory(root.resolve("unpacked"));
        assertThat(run(List.of("tar", "-xzf", TARBALL.toString(), "-C", unpacked.toString()),
                Map.of("PATH", System.getenv("PATH"))).exitCode()).isZero();
        try (Stream<Path> entries = Files.list(unpacked)) {
            List<Path> top = entries.toList();
            assertThat(top).as("one top directory").hasSize(1);
            home = top.get(0);
        }
        version = home.getFileName().toString().replaceFirst("^cove-", "");
        assertThat(TARBALL.getFileName().toString()).isEqualTo("cove-" + version + "-linux-x64.tar.gz");

        Path tools = Files.createDirectory(root.resolve("tools"));
        for (String tool : TOOLS) {
            Path found = Executables.locate(tool, System.getenv("PATH"))
                    .orElseThrow(() -> new IllegalStateException(tool + " is not on PATH"));
            Files.createSymbolicLink(tools.resolve(tool), found.toRealPath());
        }
        noJavaPath = tools.toString();
        assertThat(Executables.locate("java", noJavaPath)).as("no java on the PATH cove gets").isEmpty();
    }

    @BeforeEach
    void buildOrganization() {
        org = SmallOrganization.build(MOTO.endpoint());
    }

    @Test
    void version_runsOnTheBundledRuntime_withNoJavaInstalled_alsoThroughALinkOnPath() throws Exception {
        Path link = Files.createSymbolicLink(Path.of(noJavaPath, "cove"), home.resolve("bin/cove"));

        Result run = run(List.of(link.toString(), "--version"), Map.of("PATH", noJavaPath,
                "COVE_JAVA_OPTS", "-XshowSettings:properties"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).hasSize(2).first().isEqualTo("cove " + version);
        assertThat(run.out().lines().toList().get(1)).startsWith("Java ");
        assertThat(run.err()).contains("java.home = " + home.resolve("runtime").toRealPath());
    }

    @Test
    void aotCache_isShippedWhenTheRuntimeHasThem_andUsedWithoutAWord() throws Exception {
        Path cache = home.resolve("lib/cove.aot");
        if (runtimeFeature() < 24) {
            assertThat(cache).as("no AOT cache before Java 24").doesNotExist();
        } else {
            assertThat(cache).isRegularFile();
            // With AOTMode=on a JVM that cannot use the cache does not start: the unpacked jar is the one it was
            // made with.
            Result required = cove(Map.of("COVE_JAVA_OPTS", "-XX:AOTMode=on"), "--version");
            assertThat(required.exitCode()).as(required.out() + required.err()).isZero();
        }

        Result run = cove(Map.of(), "--version");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).hasSize(2).first().isEqualTo("cove " + version);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aotCache_refusedByTheJvm_asWhenTheJarsTimeChanged_leavesTheOutputAlone() throws Exception {
        assumeThat(home.resolve("lib/cove.aot")).as("a runtime with AOT caches").isRegularFile();
        Path copy = Files.createDirectories(dir.resolve("cove/lib"));
        Files.createDirectories(dir.resolve("cove/bin"));
        Files.copy(home.resolve("bin/cove"), dir.resolve("cove/bin/cove"));
        Files.createSymbolicLink(dir.resolve("cove/runtime"), home.resolve("runtime"));
        Files.createSymbolicLink(copy.resolve("cove.aot"), home.resolve("lib/cove.aot"));
        Files.copy(home.resolve("lib/cove.jar"), copy.resolve("cove.jar"));
        Map<String, String> env = Map.of("PATH", noJavaPath);
        String launcher = dir.resolve("cove/bin/cove").toString();

        Result refused = run(List.of(launcher, "--version"), env);
        Result required = run(List.of(launcher, "--version"), Map.of("PATH", noJavaPath,
                "COVE_JAVA_OPTS", "-XX:AOTMode=on"));

        assertThat(required.exitCode()).as("the JVM refuses this cache").isNotZero();
        assertThat(refused.exitCode()).as(refused.err()).isZero();
        assertThat(refused.out().lines().toList()).hasSize(2).first().isEqualTo("cove " + version);
        assertThat(refused.err()).isEmpty();
    }

    @Test
    void exec_runsAProgramInEveryAccount_againstMoto() throws Exception {
        Result run = cove(Map.of(), "exec", "--endpoint-url", MOTO.endpoint().toString(), "--format", "json",
                "--regions", "us-east-1,eu-west-1", "--",
                "sh", "-c", "printf '{\"account\": \"%s\", \"region\": \"%s\"}' \"$COVE_ACCOUNT_ID\" \"$COVE_REGION\"");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode output = Cli.parse(run.out());
        assertThat(output.get("Exceptions")).isEmpty();
        assertThat(output.get("FailedAssumeRole")).isEmpty();
        JsonNode results = output.get("Results");
        assertThat(results).hasSize(org.memberIds().size() * 2);
        for (JsonNode result : results) {
            assertThat(result.get("Result").get("account").asText()).isEqualTo(result.get("Id").asText());
            assertThat(result.get("Result").get("region").asText()).isEqualTo(result.get("Region").asText());
        }
    }

    @Test
    void report_ofARunWithAFailure_writesItsPage_onTheBundledRuntime() throws Exception {
        Path ledger = dir.resolve("run.jsonl");
        String failing = org.memberIds().get(0);
        Result run = cove(Map.of("FAILING", failing), "exec", "--endpoint-url", MOTO.endpoint().toString(),
                "--format", "jsonl", "--output", ledger.toString(), "--",
                "sh", "-c", "[ \"$COVE_ACCOUNT_ID\" != \"$FAILING\" ]");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);

        Path page = dir.resolve("report.html");
        Result report = cove(Map.of(), "report", ledger.toString(), "--output", page.toString());

        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(Files.readString(page)).contains("<html", "command exited with code 1", failing);
    }

    @Test
    void targets_asCsv_listEveryAccountOfAnOu() throws Exception {
        Result run = cove(Map.of(), "targets", "--endpoint-url", MOTO.endpoint().toString(), "--format", "csv",
                "--target-ids", org.ouId("prod"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Cli.csv(run.out())).extracting(row -> row.get("Id"))
                .containsExactlyInAnyOrderElementsOf(org.memberIdsUnder("prod"));
    }

    @Test
    void exec_overTls_withAnEllipticCurveCertificate_runsEveryTarget() throws Exception {
        try (TlsFront front = TlsFront.start(MOTO.endpoint(), dir)) {
            Result run = cove(Map.of("COVE_JAVA_OPTS", "-Djavax.net.ssl.trustStore=" + front.trustStore()
                    + " -Djavax.net.ssl.trustStorePassword=changeit"),
                    "exec", "--endpoint-url", front.endpoint().toString(), "--format", "json",
                    "--", "sh", "-c", "printf '\"%s\"' \"$COVE_ACCOUNT_ID\"");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(Cli.parse(run.out()).get("Results")).hasSize(org.memberIds().size());
            assertThat(front.requests()).as("every call went through TLS").isGreaterThan(org.memberIds().size());
        }
    }

    @Test
    void runtime_trustsThePublicCertificateAuthorities() throws Exception {
        Result run = run(List.of(home.resolve("runtime/bin/keytool").toString(), "-list", "-cacerts",
                "-storepass", "changeit"), Map.of("PATH", noJavaPath));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().filter(line -> line.contains("trustedCertEntry")).count())
                .as("AWS endpoints present certificates of Amazon's and other public authorities")
                .isGreaterThan(50);
        assertThat(run.out()).containsIgnoringCase("amazon");
    }

    @Test
    void runtime_holdsEveryModuleTheJarNeeds_andLeavesTheDesktopOut() throws Exception {
        Path jdeps = Path.of(System.getProperty("java.home"), "bin", "jdeps");
        assumeThat(jdeps).as("the tests run on a JDK").isExecutable();
        Result found = run(List.of(jdeps.toString(), "--print-module-deps", "--ignore-missing-deps",
                "--multi-release", Integer.toString(Runtime.version().feature()),
                home.resolve("lib/cove.jar").toString()), Map.of());
        assertThat(found.exitCode()).as(found.err()).isZero();
        Set<String> needed = new TreeSet<>(Arrays.asList(found.out().strip().split(",")));
        needed.removeAll(LEFT_OUT);

        Set<String> linked = runtimeModules();

        assertThat(linked).containsAll(needed).doesNotContainAnyElementsOf(LEFT_OUT)
                .doesNotContain("jdk.compiler", "jdk.jlink", "jdk.localedata");
    }

    @Test
    void shellCompletion_completesTheSubcommands() throws Exception {
        Path completion = home.resolve("share/bash-completion/completions/cove");
        assumeThat(Executables.locate("bash", System.getenv("PATH"))).as("bash").isPresent();

        Result run = run(List.of("bash", "-c", "source \"$1\" && COMP_WORDS=(cove e) && COMP_CWORD=1"
                + " && COMP_LINE='cove e' && COMP_POINT=6 && _picocli_cove && printf '%s\\n' \"${COMPREPLY[@]}\"",
                "bash", completion.toString()), Map.of("PATH", System.getenv("PATH")));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).contains("exec");
    }

    @Test
    void manualPages_documentEveryCommand() throws Exception {
        Path man1 = home.resolve("share/man/man1");
        try (Stream<Path> pages = Files.list(man1)) {
            assertThat(pages.map(page -> page.getFileName().toString()))
                    .contains("cove.1", "cove-exec.1", "cove-targets.1");
        }
        String exec = Files.readString(man1.resolve("cove-exec.1"), StandardCharsets.UTF_8);
        assertThat(exec).startsWith("'\\\" t").contains(".TH \"COVE\\-EXEC\" \"1\"", "\\-\\-target\\-ids");
        assumeThat(Executables.locate("man", System.getenv("PATH"))).as("man").isPresent();

        Result shown = run(List.of("man", "-l", man1.resolve("cove-exec.1").toString()),
                Map.of("PATH", System.getenv("PATH"), "MANWIDTH", "100", "MANPAGER", "cat", "LANG", "C.UTF-8"));

        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("cove-exec - Runs a program in every account", "--max-failures=N");
    }

    private static int runtimeFeature() throws IOException {
        Matcher release = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)")
                .matcher(Files.readString(home.resolve("runtime/release")));
        assertThat(release.find()).as("runtime/release names the Java version").isTrue();
        return Integer.parseInt(release.group(1));
    }

    private static Set<String> runtimeModules() throws IOException {
        Matcher modules = Pattern.compile("(?m)^MODULES=\"([^\"]*)\"")
                .matcher(Files.readString(home.resolve("runtime/release")));
        assertThat(modules.find()).as("runtime/release lists the modules").isTrue();
        return new TreeSet<>(Arrays.asList(modules.group(1).split(" ")));
    }

    /** Runs the unpacked bin/cove with only PATH (no java on it), HOME, LANG, fake credentials and {@code extra}. */
    private Result cove(Map<String, String> extra, String... args) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", noJavaPath);
        env.put("HOME", dir.toString());
        env.put("LANG", "C.UTF-8");
        env.put("AWS_ACCESS_KEY_ID", "testing");
        env.put("AWS_SECRET_ACCESS_KEY", "testing");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", dir.resolve("no-aws-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-aws-credentials").toString());
        env.putAll(extra);
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/cove").toString());
        command.addAll(List.of(args));
        return run(command, env);
    }

    /** Runs a command with exactly this environment, stdin closed, and waits up to two minutes. */
    private static Result run(List<String> command, Map<String, String> env) throws Exception {
        Path out = Files.createTempFile(root, "out-", ".txt");
        Path err = Files.createTempFile(root, "err-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not exit within 2 minutes");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /**
     * A finished command.
     *
     * @param exitCode its exit code
     * @param out its stdout
     * @param err its stderr
     */
    private record Result(int exitCode, String out, String err) {
    }
}
