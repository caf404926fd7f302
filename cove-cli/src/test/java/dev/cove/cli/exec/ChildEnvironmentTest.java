package dev.cove.cli.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cove.SessionInformation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/** The child's environment: the target's credentials and identity, and no other credential source. */
class ChildEnvironmentTest {

    private static final SessionInformation INFO = new SessionInformation("111122223333", null, null, null, null, null,
            "OrganizationAccountAccessRole", "cove", null, List.of(), null, "ap-southeast-2", "aws-cn", true, null, null);

    @Test
    void apply_removesEveryOtherCredentialSource_andKeepsTheRest() {
        Map<String, String> env = new HashMap<>(Map.of(
                "AWS_PROFILE", "admin", "AWS_DEFAULT_PROFILE", "admin", "AWS_SESSION_TOKEN", "parent-token",
                "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                "http://x", "AWS_CONTAINER_AUTHORIZATION_TOKEN", "t", "AWS_WEB_IDENTITY_TOKEN_FILE", "/token",
                "AWS_ROLE_ARN", "arn:aws:iam::1:role/x", "PATH", "/usr/bin", "HOME", "/home/me"));

        ChildEnvironment.apply(env, INFO, AwsBasicCredentials.create("AKIAEXAMPLE", "secret"), null);

        assertThat(env).doesNotContainKeys("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN",
                "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN",
                "AWS_ENDPOINT_URL", "COVE_ACCOUNT_NAME");
        assertThat(env).containsEntry("PATH", "/usr/bin").containsEntry("HOME", "/home/me")
                .containsEntry("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE").containsEntry("AWS_SECRET_ACCESS_KEY", "secret")
                .containsEntry("AWS_REGION", "ap-southeast-2").containsEntry("AWS_DEFAULT_REGION", "ap-southeast-2")
                .containsEntry("COVE_ACCOUNT_ID", "111122223333").containsEntry("COVE_REGION", "ap-southeast-2")
                .containsEntry("COVE_PARTITION", "aws-cn");
    }

    @Test
    void apply_withSessionCredentialsNameAndEndpoint_setsThemAll() {
        Map<String, String> env = new HashMap<>(Map.of("AWS_ENDPOINT_URL", "http://old", "COVE_ACCOUNT_NAME", "old"));
        SessionInformation named = new SessionInformation("111122223333", null, null, "prod-web", null, "ACTIVE",
                "r", "s", null, List.of(), null, "us-east-1", "aws", true, null, null);

        ChildEnvironment.apply(env, named, AwsSessionCredentials.create("ASIA1", "secret", "token"),
                "http://127.0.0.1:5000");

        assertThat(env).containsEntry("AWS_SESSION_TOKEN", "token").containsEntry("COVE_ACCOUNT_NAME", "prod-web")
                .containsEntry("AWS_ENDPOINT_URL", "http://127.0.0.1:5000");
    }
}
