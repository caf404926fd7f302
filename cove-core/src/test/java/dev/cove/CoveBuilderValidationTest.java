package dev.cove;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input fails at build(), before anything talks to AWS, with a message naming the value. */
class CoveBuilderValidationTest {

    @Test
    void build_whenThreadWorkersIsZero_namesTheRule() {
        assertThatIllegalArgumentException().isThrownBy(() -> Cove.builder().threadWorkers(0).build())
                .withMessage("threadWorkers must be at least 1, got 0");
    }

    @Test
    void build_whenThreadWorkersIsAbsurd_namesTheLimit() {
        assertThatIllegalArgumentException().isThrownBy(() -> Cove.builder().threadWorkers(1_000_000).build())
                .withMessage("threadWorkers must be at most 10000, got 1000000");
    }

    @Test
    void build_whenTargetIdsIsEmpty_saysHowToTargetEverything() {
        assertThatIllegalArgumentException().isThrownBy(() -> Cove.builder().targetIds(List.of()).build())
                .withMessageStartingWith("targetIds must not be empty")
                .withMessageContaining("leave it unset");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cat", "12345678901", "1234567890123", "ou-abc", "r-", "OU-ABCD-12345678"})
    void build_whenTargetIdIsNeitherAccountNorOuNorRoot_namesTheId(String id) {
        assertThatIllegalArgumentException().isThrownBy(() -> Cove.builder().targetIds(id).build())
                .withMessageContaining("neither an AWS account")
                .withMessageContaining("'" + id + "'");
    }

    @Test
    void build_whenIgnoreIdIsInvalid_namesTheOptionAndId() {
        assertThatIllegalArgumentException().isThrownBy(() -> Cove.builder().ignoreIds("dog").build())
                .withMessageStartingWith("ignoreIds:")
                .withMessageContaining("'dog'");
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
        assertThatIllegalArgumentException().isThrownBy(() -> Cove.builder().regions("us-east-1", "mars-1").build())
                .withMessageContaining("unknown AWS region 'mars-1'");
    }

    @Test
    void build_whenRegionsIsEmpty_saysSo() {
        assertThatIllegalArgumentException().isThrownBy(() -> Cove.builder().regions(List.of()).build())
                .withMessageStartingWith("regions must not be empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "semi;colon", "a-role-name-that-is-far-too-long-for-iam-to-accept-because-it-exceeds-64"})
    void build_whenRoleNameIsInvalid_namesIt(String roleName) {
        assertThatIllegalArgumentException().isThrownBy(() -> Cove.builder().roleName(roleName).build())
                .withMessageStartingWith("roleName is not a valid IAM role name: '" + roleName + "'");
    }

    @Test
    void build_whenRoleNameHasPath_acceptsIt() {
        assertThatNoException().isThrownBy(() -> Cove.builder().roleName("admin/Auditor").build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "has space", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void build_whenSessionNameBreaksStsLimits_namesIt(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> Cove.builder().roleSessionName(name).build())
                .withMessageContaining("'" + name + "'")
                .withMessageContaining("2-64 characters");
    }

    @Test
    void build_whenPolicyIsMalformedJson_saysWhere() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Cove.builder().policy("{\"Version\": \"2012-10-17\", \"Statement\": [}").build())
                .withMessageStartingWith("policy is not a JSON policy document")
                .withMessageContaining("at character");
    }

    @Test
    void build_whenPolicyIsTooLong_givesTheLimit() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[],\"Pad\":\"" + "x".repeat(2100) + "\"}";
        assertThatIllegalArgumentException().isThrownBy(() -> Cove.builder().policy(policy).build())
                .withMessageContaining("at most 2048 characters");
    }

    @Test
    void build_whenPolicyArnIsNotAnArn_namesIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> Cove.builder().policyArns("ReadOnlyAccess").build())
                .withMessageContaining("not an IAM policy ARN: 'ReadOnlyAccess'");
    }

    @Test
    void build_whenExternalIdIsInvalid_doesNotEchoIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> Cove.builder().externalId("s3cr3t value").build())
                .withMessageStartingWith("externalId is not valid (12 characters)")
                .withMessageNotContaining("s3cr3t");
    }

    @Test
    void build_whenEndpointIsNotHttp_namesIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Cove.builder().endpointOverride(URI.create("ftp://127.0.0.1:21")).build())
                .withMessageContaining("'ftp://127.0.0.1:21'");
    }

    @Test
    void build_whenPartitionIsUnknown_namesIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> Cove.builder().partition("azure").build())
                .withMessageContaining("'azure'");
    }

    @Test
    void toBuilder_keepsEverySetting() {
        Cove original = Cove.builder().targetIds("123456789012").roleName("Auditor").regions("eu-west-1")
                .threadWorkers(7).build();
        Cove copy = original.toBuilder().build();
        assertThat(copy).usingRecursiveComparison().isEqualTo(original);
    }
}
