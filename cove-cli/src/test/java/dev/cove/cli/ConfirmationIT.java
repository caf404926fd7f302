package dev.cove.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cove.cli.exec.Executables;
import dev.cove.testkit.MotoExtension;
import dev.cove.testkit.OrgFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The question {@code cove exec} asks before running in more than one account, answered on a real pseudo-terminal
 * ({@code script}, util-linux), as a person at a terminal would answer it: the packaged jar in a child JVM whose
 * stdin, stdout and stderr are the terminal.
 */
class ConfirmationIT {

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    /** Leaves one file per target that ran, named after the account. */
    private static final String MARK = "touch \"$MARKS/$COVE_ACCOUNT_ID\"";

    @TempDir
    Path dir;

    private OrgFixture org;
    private Path marks;

    @BeforeAll
    static void needsScript() {
        assertThat(Executables.locate("script", System.getenv("PATH")))
                .as("these tests need 'script' (util-linux) to give cove a terminal").isPresent();
    }

    @BeforeEach
    void buildOrganization() throws Exception {
        org = SmallOrganization.build(MOTO.endpoint());
        marks = Files.createDirectory(dir.resolve("marks"));
    }

    private CoveProcess exec(String... options) {
        Stream<String> args = Stream.of(Stream.of("exec", "--endpoint-url", MOTO.endpoint().toString(), "--no-progress",
                "--format", "json", "--output", dir.resolve("run.json").toString()), Stream.of(options),
                Stream.of("--", "sh", "-c", MARK)).flatMap(s -> s);
        return CoveProcess.cove(dir, args.toArray(String[]::new)).env("MARKS", marks.toString());
    }

    private long ran() throws Exception {
        try (Stream<Path> files = Files.list(marks)) {
            return files.count();
        }
    }

    @Test
    void onATerminal_exec_asksBeforeRunningInSeveralAccounts_andRunsWhenAnsweredY() throws Exception {
        CoveProcess.Result run = exec().onTerminal().answering("[y/N]", "y\n").run();

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("Run sh -c '" + MARK + "' in 4 accounts × 1 region? [y/N] y");
        assertThat(ran()).isEqualTo(org.memberIds().size());
        assertThat(Cli.parse(Files.readString(dir.resolve("run.json"))).get("Results")).hasSize(4);
    }

    @Test
    void onATerminal_exec_answeredN_runsNothing_andExits1() throws Exception {
        CoveProcess.Result run = exec("--regions", "us-east-1,eu-west-1").onTerminal().answering("[y/N]", "n\n").run();

        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("in 4 accounts × 2 regions? [y/N] n", "cove: not confirmed; nothing was run");
        assertThat(ran()).isZero();
        assertThat(dir.resolve("run.json")).doesNotExist();
    }

    @Test
    void onATerminal_exec_answeredWithJustEnter_runsNothing() throws Exception {
        CoveProcess.Result run = exec().onTerminal().answering("[y/N]", "\n").run();

        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("[y/N]", "not confirmed");
        assertThat(ran()).isZero();
    }

    @Test
    void onATerminal_exec_withYes_runsWithoutAsking() throws Exception {
        CoveProcess.Result run = exec("--yes").onTerminal().run();

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).doesNotContain("[y/N]");
        assertThat(ran()).isEqualTo(org.memberIds().size());
    }

    @Test
    void onATerminal_exec_withShortY_runsWithoutAsking() throws Exception {
        CoveProcess.Result run = exec("-y").onTerminal().run();

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).doesNotContain("[y/N]");
    }

    @Test
    void onATerminal_exec_inOneAccount_runsWithoutAsking() throws Exception {
        CoveProcess.Result run = exec("--target-ids", org.memberIds().getFirst()).onTerminal().run();

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).doesNotContain("[y/N]");
        assertThat(ran()).isEqualTo(1);
    }

    @Test
    void withoutATerminal_exec_neverAsks() throws Exception {
        CoveProcess.Result run = exec().input("n\n").run();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("[y/N]");
        assertThat(ran()).isEqualTo(org.memberIds().size());
    }
}
