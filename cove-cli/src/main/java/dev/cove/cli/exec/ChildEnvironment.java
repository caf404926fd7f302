package dev.cove.cli.exec;

import dev.cove.SessionInformation;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The environment of one target's child process: the parent's environment without any credential source
 * of its own, plus the target's credentials, region and identity. Credentials are only ever put here,
 * never on a command line.
 */
final class ChildEnvironment {

    /** Variables that would make the child find other credentials, or a profile, before the target's. */
    static final Set<String> REMOVED = Set.of(
            "AWS_PROFILE", "AWS_DEFAULT_PROFILE",
            "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN",
            "AWS_ACCESS_KEY", "AWS_SECRET_KEY", "AWS_CREDENTIAL_EXPIRATION",
            "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN", "AWS_ROLE_SESSION_NAME",
            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN", "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
            "COVE_ACCOUNT_ID", "COVE_ACCOUNT_NAME", "COVE_REGION", "COVE_PARTITION");

    private ChildEnvironment() {
    }

    /**
     * Rewrites a child's environment (a copy of the parent's, as {@link ProcessBuilder#environment()} is)
     * for one target.
     *
     * @param env the environment to rewrite
     * @param info the target
     * @param credentials the target's assumed-role credentials
     * @param endpointUrl the endpoint every AWS call should go to, or null for the default
     */
    static void apply(Map<String, String> env, SessionInformation info, AwsCredentials credentials,
            String endpointUrl) {
        target(env, info, endpointUrl);
        env.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        if (credentials instanceof AwsSessionCredentials session) {
            env.put("AWS_SESSION_TOKEN", session.sessionToken());
        }
    }

    /**
     * Rewrites a child's environment for one target whose credentials it asks the credential server for,
     * refreshed for as long as it runs, instead of holding a snapshot of them.
     *
     * @param env the environment to rewrite
     * @param info the target
     * @param lease the child's lease of the credential server
     * @param endpointUrl the endpoint every AWS call should go to, or null for the default
     */
    static void apply(Map<String, String> env, SessionInformation info, CredentialServer.Lease lease,
            String endpointUrl) {
        target(env, info, endpointUrl);
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", lease.uri().toString());
        env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", lease.token());
    }

    private static void target(Map<String, String> env, SessionInformation info, String endpointUrl) {
        env.keySet().removeIf(name -> REMOVED.contains(name) || name.startsWith("AWS_CONTAINER_CREDENTIALS"));
        env.put("AWS_REGION", info.region());
        env.put("AWS_DEFAULT_REGION", info.region());
        env.put("COVE_ACCOUNT_ID", info.id());
        if (info.name() != null) {
            env.put("COVE_ACCOUNT_NAME", info.name());
        }
        env.put("COVE_REGION", info.region());
        env.put("COVE_PARTITION", info.partition());
        if (endpointUrl != null) {
            env.put("AWS_ENDPOINT_URL", endpointUrl);
        }
    }
}
