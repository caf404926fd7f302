package dev.cove.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cove.Cove;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The one table of flags and builder options: what it gives each command, and how errors find their flag. */
class BuilderOptionsTest {

    static Stream<BuilderOption<?>> rows() {
        return BuilderOptions.TABLE.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void row_namesABuilderOptionAsTheBuilderSpellsIt(BuilderOption<?> row) {
        List<String> builderMethods = Arrays.stream(Cove.Builder.class.getMethods()).map(Method::getName).toList();

        assertThat(builderMethods).contains(row.option()).containsAll(row.alsoSets());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void row_isInTheHelpAndCompletionOfTheCommandsThatAcceptIt_only(BuilderOption<?> row) {
        String completion = Cli.run("generate-completion").out();

        assertThat(Cli.run("exec", "--help").out()).contains(row.flag());
        assertThat(Cli.run("targets", "--help").out().contains(row.flag()))
                .isEqualTo(row.scope() == BuilderOption.Scope.SELECTION);
        assertThat(completion).contains("'" + row.flag() + "'");
    }

    @Test
    void help_listsTheTablesFlagsFirst_inTheTablesOrder() {
        List<String> execOptions = options("exec");

        assertThat(execOptions.subList(0, BuilderOptions.TABLE.size()))
                .containsExactlyElementsOf(BuilderOptions.TABLE.stream().map(BuilderOption::flag).toList());
        assertThat(execOptions).contains("--no-progress", "--format", "--output", "--timeout", "--max-output-bytes",
                "--help", "--version", "--debug");
    }

    /** Every option that exec has and targets has not, with a value where it takes one. */
    static Stream<String> execOnlyOptions() {
        List<String> targets = options("targets");
        return options("exec").stream().filter(option -> !targets.contains(option));
    }

    @ParameterizedTest(name = "targets {0}")
    @MethodSource("execOnlyOptions")
    void targets_refusesEveryExecOnlyOption_asBadUsage(String option) {
        OptionSpec spec = CoveCli.commandLine().getSubcommands().get("exec").getCommandSpec().findOption(option);
        Cli.Run run = spec.arity().max() == 0 ? Cli.run("targets", option) : Cli.run("targets", option, "1");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().findFirst().orElseThrow()).startsWith("cove: Unknown option")
                .contains("'" + option + "'");
    }

    @Test
    void include_andExclude_takeOneExpressionPerUse_commasSeparateItsValues() {
        CommandLine cove = CoveCli.commandLine();
        cove.parseArgs("targets", "--include", "name=prod-*,shared-*", "--include", "tag:env=prod",
                "--exclude-regions", "ap-*,me-*");
        CommandLine targets = cove.getSubcommands().get("targets");

        assertThat(targets.getParseResult().<List<String>>matchedOptionValue("--include", null))
                .containsExactly("name=prod-*,shared-*", "tag:env=prod");
        assertThat(targets.getParseResult().<List<String>>matchedOptionValue("--exclude-regions", null))
                .containsExactly("ap-*", "me-*");
    }

    @Test
    void execOnlyOptions_areTheRunsOptions() {
        assertThat(execOnlyOptions()).containsExactlyInAnyOrder("--fail-fast", "--max-failures", "--no-progress",
                "--timeout", "--max-output-bytes", "--yes", "--resume", "--credential-server");
    }

    @ParameterizedTest(name = "{0} with [{1}] is {2}")
    @CsvSource(delimiter = '|', value = {
        "roleSessionName       |                       | --role-session-name",
        "targetIds             |                       | --target-ids",
        "endpointOverride      |                       | --endpoint-url",
        "threadWorkers         |                       | --workers",
        "raiseException        |                       | --fail-fast",
        "assumingCredentials   |                       | --profile",
        "assumingRegion        |                       | --regions",
        "assumingRegion        | --profile p           | --profile",
        "assumingRegion        | --regions us-east-1   | --regions",
        "apiCallAttemptTimeout |                       | apiCallAttemptTimeout",
        "targetsFile           |                       | --targets-file",
        "include               |                       | --include",
        "exclude               |                       | --exclude",
        "includeHostAccount    |                       | --include-host",
        "excludeRegions        |                       | --exclude-regions",
        "regions               | --exclude-regions ap-* | --regions",
    })
    void flagFor_namesTheFlagThatSetsTheBuilderOption_preferringOneThatWasGiven(String option, String given,
            String flag) {
        CommandLine cove = CoveCli.commandLine();
        Stream<String> options = given == null ? Stream.empty() : Arrays.stream(given.split(" "));
        String[] args = Stream.of(Stream.of("exec"), options, Stream.of("true")).flatMap(s -> s).toArray(String[]::new);
        cove.parseArgs(args);

        assertThat(BuilderOptions.flagFor(option, cove.getSubcommands().get("exec").getParseResult())).isEqualTo(flag);
    }

    private static List<String> options(String command) {
        return CoveCli.commandLine().getSubcommands().get(command).getCommandSpec().options().stream()
                .map(OptionSpec::longestName).toList();
    }
}
