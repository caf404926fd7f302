package dev.cove;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every selector is checked at build(), before anything talks to AWS: OU paths, filter expressions, regions and
 * their globs, targets files. Each error names the option, the bad part and the rule.
 */
class CoveSelectionValidationTest {

    @TempDir
    Path dir;

    private static ThrowableAssertAlternative<CoveConfigurationException> rejects(Cove.Builder builder,
            String option) {
        return assertThatExceptionOfType(CoveConfigurationException.class).isThrownBy(builder::build)
                .satisfies(e -> {
                    assertThat(e.option()).isEqualTo(option);
                    assertThat(e.getMessage()).isEqualTo(option + ": " + e.rule()).doesNotContain("\n");
                });
    }

    @Test
    void build_acceptsOuPathsFiltersRegionGlobsAndExcludes() {
        assertThatNoException().isThrownBy(() -> Cove.builder()
                .targetIds("/", "/Prod/Web", "/Prod/Web/")
                .ignoreIds("/Sandbox")
                .include("id=1234*", "name=prod-*,shared-*", "email=*@example.com", "state=ACTIVE", "ou=/Prod/**",
                        "tag:env=prod", "Name=x", "tag:cost center=a b")
                .exclude("tag:env=dev,test")
                .regions("all", "us-*", "eu-?est-1", "ap-east-1")
                .excludeRegions("us-west-*", "eu-central-1")
                .build());
    }

    @Test
    void build_whenOuPathHasAnEmptyName_namesIt() {
        rejects(Cove.builder().targetIds("/Prod//Web"), "targetIds")
                .withMessage("targetIds: an OU path names one OU after each '/', and '/Prod//Web' has an empty name; "
                        + "write it like /Prod/Web");
    }

    @ParameterizedTest(name = "include {0}")
    @CsvSource(delimiter = '|', value = {
        "prod                | 'prod' has no '='; write KEY=VALUE[,VALUE...] with KEY one of id, name, email, state, ou or tag:KEY, e.g. name=prod-*",
        "colour=blue         | unknown key 'colour' in 'colour=blue'; the keys are id, name, email, state, ou or tag:KEY",
        "tag=env             | unknown key 'tag' in 'tag=env'; the keys are id, name, email, state, ou or tag:KEY",
        "tag:=prod           | tag: needs a tag key in 'tag:=prod', e.g. tag:env=prod",
        "name=               | an empty value in 'name='; give one or more comma-separated values (* matches any text, ? one character)",
        "name=a,,b           | an empty value in 'name=a,,b'",
        "id=prod-1           | id values are 12-digit account IDs or globs of them (e.g. 1234*), not 'prod-1'",
        "state=ACTIV         | unknown account state 'ACTIV'; AWS's states are ACTIVE, SUSPENDED, PENDING_ACTIVATION, PENDING_CLOSURE and CLOSED",
        "ou=Prod/Web         | ou values are OU paths from the root, starting with / (e.g. /Prod/** for /Prod and everything below it), not 'Prod/Web'",
        "ou=/Prod//**        | an OU path names one OU after each '/', and '/Prod//**' has an empty name",
    })
    void build_whenAFilterExpressionIsBad_namesTheBadPart(String expression, String rule) {
        rejects(Cove.builder().include(expression), "include").withMessageStartingWith("include: " + rule)
                .satisfies(e -> assertThat(e.value()).isEqualTo(expression));
        rejects(Cove.builder().exclude(expression), "exclude").withMessageStartingWith("exclude: " + rule);
    }

    @ParameterizedTest(name = "regions {0}")
    @CsvSource(delimiter = '|', value = {
        "xx-*       | regions        | the glob 'xx-*' matches no AWS region; use a glob such as us-* or eu-?est-1 (* matches any text, ? one character)",
        "US-*       | regions        | the glob 'US-*' matches no AWS region",
        "mars-1     | regions        | unknown AWS region 'mars-1'",
    })
    void build_whenARegionOrGlobIsBad_namesIt(String region, String option, String rule) {
        rejects(Cove.builder().regions(region), option).withMessageStartingWith(option + ": " + rule);
    }

    @Test
    void build_whenExcludeRegionsIsAll_saysItWouldLeaveNothing() {
        rejects(Cove.builder().excludeRegions("all"), "excludeRegions")
                .withMessage("excludeRegions: 'all' would leave no region; name the regions to leave out, or globs "
                        + "such as ap-*");
    }

    @Test
    void build_whenExcludeRegionsHasAnUnknownRegion_namesIt() {
        rejects(Cove.builder().excludeRegions("ap-east-9"), "excludeRegions")
                .withMessage("excludeRegions: unknown AWS region 'ap-east-9'; use a region name such as us-east-1 or "
                        + "eu-west-2");
    }

    @Test
    void build_whenTheTargetsFileDoesNotExist_namesIt() {
        Path missing = dir.resolve("nope.txt");

        rejects(Cove.builder().targetsFile(missing), "targetsFile")
                .withMessage("targetsFile: cannot read " + missing + ": no such file");
    }

    @Test
    void build_whenTheTargetsFileListsNothing_saysWhatItShouldHold() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "# nothing yet\n\n");

        rejects(Cove.builder().targetsFile(empty), "targetsFile")
                .withMessage("targetsFile: " + empty + " lists no account: give one 12-digit account ID per line, or "
                        + "CSV or JSON with an Id field");
    }

    @Test
    void build_whenTheTargetsFileNamesRegions_andRegionsAreSetToo_failsNamingTheLine() throws IOException {
        Path plan = Files.writeString(dir.resolve("plan.jsonl"), "{\"Id\":\"111122223333\"}\n"
                + "{\"Id\":\"111122223333\",\"Region\":\"eu-west-1\"}\n");

        rejects(Cove.builder().targetsFile(plan).regions("us-east-1"), "regions")
                .withMessage("regions: the targets file " + plan + " names the regions itself (line 2: eu-west-1); "
                        + "leave regions unset, or use a file without a Region column");
    }
}
