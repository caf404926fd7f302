package dev.cove;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.cove.internal.Option;
import dev.cove.internal.Options;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Bad input fails at build(), before anything talks to AWS, with a {@link CoveConfigurationException} naming
 * the option, the value and the rule.
 */
class CoveBuilderValidationTest {

    private static ThrowableAssertAlternative<CoveConfigurationException> rejects(Cove.Builder builder,
            String option, String value) {
        return assertThatExceptionOfType(CoveConfigurationException.class).isThrownBy(builder::build)
                .satisfies(e -> {
                    assertThat(e.option()).isEqualTo(option);
                    assertThat(e.value()).isEqualTo(value);
                    assertThat(e.getMessage()).isEqualTo(option + ": " + e.rule());
                })
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void build_whenThreadWorkersIsZero_namesTheRule() {
        rejects(Cove.builder().threadWorkers(0), "threadWorkers", "0").withMessage("threadWorkers: must be at least 1, got 0");
    }

    @Test
    void build_whenThreadWorkersIsAbsurd_namesTheLimit() {
        rejects(Cove.builder().threadWorkers(1_000_000), "threadWorkers", "1000000")
                .withMessage("threadWorkers: must be at most 10000, got 1000000");
    }

    @Test
    void build_whenTargetIdsIsEmpty_saysHowToTargetEverything() {
        rejects(Cove.builder().targetIds(List.of()), "targetIds", "[]")
                .withMessageStartingWith("targetIds: must not be empty")
                .withMessageContaining("leave it unset");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cat", "12345678901", "1234567890123", "ou-abc", "r-", "OU-ABCD-12345678"})
    void build_whenTargetIdIsNeitherAccountNorOuNorRoot_namesTheId(String id) {
        rejects(Cove.builder().targetIds(id), "targetIds", id)
                .withMessage("targetIds: provided id is neither an AWS account (12 digits), an OU (ou-xxxx-xxxxxxxx), "
                        + "a root (r-xxxx) nor an OU path (/Prod/Web): '" + id + "'");
    }

    @Test
    void build_whenTargetIdIsNull_namesIt() {
        rejects(Cove.builder().targetIds(java.util.Arrays.asList("123456789012", null)), "targetIds", null)
                .withMessageEndingWith(": null");
    }

    @Test
    void build_whenIgnoreIdIsInvalid_namesTheOptionAndId() {
        rejects(Cove.builder().ignoreIds("dog"), "ignoreIds", "dog").withMessageEndingWith("'dog'");
    }

    @Test
    void build_whenIdsAreValid_acceptsAccountsOusAndRoots() {
        assertThatNoException().isThrownBy(() -> Cove.builder()
                .targetIds("123456789012", "ou-ab12-abcdefgh", "r-ab12")
                .ignoreIds("210987654321")
                .build());
    }

    @Test
    void build_whenRegionIsUnknown_namesTheRegion() {
        rejects(Cove.builder().regions("us-east-1", "mars-1"), "regions", "mars-1")
                .withMessage("regions: unknown AWS region 'mars-1'; use a region name such as us-east-1 or eu-west-2, "
                        + "all, or a glob such as eu-*");
    }

    @Test
    void build_whenAssumingRegionIsUnknown_namesIt() {
        rejects(Cove.builder().assumingRegion(Region.of("mars-1")), "assumingRegion", "mars-1")
                .withMessageContaining("unknown AWS region 'mars-1'");
    }

    @Test
    void build_whenRegionsIsEmpty_saysSo() {
        rejects(Cove.builder().regions(List.of()), "regions", "[]").withMessageStartingWith("regions: must not be empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "semi;colon", "a-role-name-that-is-far-too-long-for-iam-to-accept-because-it-exceeds-64"})
    void build_whenRoleNameIsInvalid_namesIt(String roleName) {
        rejects(Cove.builder().roleName(roleName), "roleName", roleName)
                .withMessageStartingWith("roleName: not a valid IAM role name: '" + roleName + "'");
    }

    @Test
    void build_whenRoleNameHasPath_acceptsIt() {
        assertThatNoException().isThrownBy(() -> Cove.builder().roleName("admin/Auditor").build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "has space", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void build_whenSessionNameBreaksStsLimits_namesIt(String name) {
        rejects(Cove.builder().roleSessionName(name), "roleSessionName", name)
                .withMessage("roleSessionName: not a valid STS role session name: '" + name + "'; it must be 2-64 "
                        + "characters of letters, digits and +=,.@_-");
    }

    @Test
    void build_whenPolicyIsBlank_saysSo() {
        rejects(Cove.builder().policy("  "), "policy", "  ").withMessageStartingWith("policy: is blank");
    }

    @Test
    void build_whenPolicyIsTooLong_givesTheLimit() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[],\"Pad\":\"" + "x".repeat(2100) + "\"}";
        assertThatExceptionOfType(CoveConfigurationException.class).isThrownBy(() -> Cove.builder().policy(policy).build())
                .withMessage("policy: is " + policy.length() + " characters long; STS accepts session policies of at "
                        + "most 2048 characters");
    }

    @Test
    void build_whenPolicyArnIsNotAnArn_namesIt() {
        rejects(Cove.builder().policyArns("ReadOnlyAccess"), "policyArns", "ReadOnlyAccess")
                .withMessageContaining("not an IAM policy ARN: 'ReadOnlyAccess'");
    }

    @Test
    void build_whenExternalIdIsInvalid_namesIt_becauseAnExternalIdIsNoSecret() {
        rejects(Cove.builder().externalId("a value"), "externalId", "a value")
                .withMessageStartingWith("externalId: not a valid external ID: 'a value'");
    }

    @Test
    void build_whenEndpointIsNotHttp_namesIt() {
        rejects(Cove.builder().endpointOverride(URI.create("ftp://127.0.0.1:21")), "endpointOverride",
                "ftp://127.0.0.1:21").withMessageContaining("'ftp://127.0.0.1:21'");
    }

    @Test
    void build_whenPartitionIsUnknown_namesIt() {
        rejects(Cove.builder().partition("azure"), "partition", "azure").withMessageContaining("'azure'");
    }

    @Test
    void build_whenTimeoutIsNotPositive_namesIt() {
        rejects(Cove.builder().timeout(Duration.ZERO), "timeout", "PT0S").withMessage("timeout: must be positive, got PT0S");
    }

    @Test
    void build_whenMaxFailuresIsBelowMinusOne_namesIt() {
        rejects(Cove.builder().maxFailures(-2), "maxFailures", "-2").withMessageContaining("got -2");
    }

    @Test
    void build_whenApiCallAttemptTimeoutIsNegative_namesIt() {
        rejects(Cove.builder().apiCallAttemptTimeout(Duration.ofSeconds(-1)), "apiCallAttemptTimeout", "PT-1S");
    }

    @Test
    void toBuilder_keepsEverySetting(@TempDir Path dir) throws Exception {
        Path targetsFile = Files.writeString(dir.resolve("accounts.txt"), "111122223333\n");
        Cove original = Cove.builder()
                .targetIds("123456789012", "ou-ab12-abcdefgh", "/Prod/Web")
                .ignoreIds("210987654321")
                .targetsFile(targetsFile)
                .include("tag:env=prod")
                .exclude("ou=/Sandbox/**")
                .accountFilter(account -> account.name() != null)
                .includeHostAccount(true)
                .excludeRegions("ap-*")
                .roleName("admin/Auditor")
                .roleSessionName("audit-session")
                .policy("{\"Version\":\"2012-10-17\",\"Statement\":[]}")
                .policyArns("arn:aws:iam::aws:policy/ReadOnlyAccess")
                .externalId("ext-1234")
                .assumingCredentials(AnonymousCredentialsProvider.create())
                .assumingRegion(Region.EU_CENTRAL_1)
                .raiseException(true)
                .threadWorkers(7)
                .regions("eu-west-1", "us-east-2")
                .partition("aws-us-gov")
                .endpointOverride(URI.create("http://127.0.0.1:4566"))
                .progress(true)
                .timeout(Duration.ofMinutes(3))
                .maxFailures(4)
                .apiCallAttemptTimeout(Duration.ofSeconds(9))
                .shard(1, 3)
                .build();
        // a plan names the targets itself, so it goes without targetIds and without a targets file
        Cove planned = original.toBuilder().targetIds((List<String>) null).targetsFile(null)
                .plan(List.of(new CoveTarget("123456789012", "eu-west-1", null, null, "prod", null, "ACTIVE", null, null)))
                .build();

        Cove copy = original.toBuilder().build();
        Cove plannedCopy = planned.toBuilder().build();

        for (Option<?> option : Options.ALL) {
            Cove set = option == Options.PLAN ? planned : original;
            Cove setCopy = option == Options.PLAN ? plannedCopy : copy;
            assertThat(set.config().get(option)).as("%s is set to a value other than its default", option)
                    .isNotNull().matches(value -> !Objects.equals(value, option.defaultValue()));
            assertThat(setCopy.config().get(option)).as("%s survives toBuilder", option)
                    .isEqualTo(set.config().get(option));
        }
    }

    @Test
    void toBuilder_thenChangingOneOption_leavesTheOriginalAsItWas() {
        Cove original = Cove.builder().roleName("Auditor").threadWorkers(7).build();

        Cove changed = original.toBuilder().threadWorkers(9).build();

        assertThat(original.config().get(Options.THREAD_WORKERS)).isEqualTo(7);
        assertThat(changed.config().get(Options.THREAD_WORKERS)).isEqualTo(9);
        assertThat(changed.config().get(Options.ROLE_NAME)).isEqualTo("Auditor");
    }
}
