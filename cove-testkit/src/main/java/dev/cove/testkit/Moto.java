package dev.cove.testkit;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Constants, static credentials and client factories for talking to a moto server.
 *
 * <p>moto maps the static access key {@value #ACCESS_KEY_ID} to its default account
 * {@value #MANAGEMENT_ACCOUNT_ID}, which becomes the management account of any organization
 * created with these credentials. Every client built here uses the Apache HTTP client and is
 * owned by the caller, who must close it.
 */
public final class Moto {

    /** The account moto assigns to requests signed with {@link #credentials()}. */
    public static final String MANAGEMENT_ACCOUNT_ID = "123456789012";

    /** An account id that the test kit never creates: use it for "not in the organization". */
    public static final String OUTSIDE_ACCOUNT_ID = "999988887777";

    /** The role moto creates in every account made with CreateAccount. */
    public static final String ORGANIZATION_ROLE_NAME = "OrganizationAccountAccessRole";

    /** The access key id of {@link #credentials()}. */
    public static final String ACCESS_KEY_ID = "testing";

    /** The region every client built here uses. */
    public static final Region REGION = Region.US_EAST_1;

    /** Request header that tells moto which account a request belongs to. */
    public static final String ACCOUNT_HEADER = "x-moto-account-id";

    private static final String SECRET_ACCESS_KEY = "testing";
    private static final int MAX_CONNECTIONS = 64;

    private Moto() {
    }

    /**
     * Returns static credentials that moto maps to {@link #MANAGEMENT_ACCOUNT_ID}.
     *
     * @return a provider of the access key {@value #ACCESS_KEY_ID}
     */
    public static AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
    }

    /**
     * Returns the ARN of {@link #ORGANIZATION_ROLE_NAME} in {@code accountId}.
     *
     * @param accountId a 12-digit account id
     * @return {@code arn:aws:iam::{accountId}:role/OrganizationAccountAccessRole}
     */
    public static String organizationRoleArn(String accountId) {
        return "arn:aws:iam::" + Objects.requireNonNull(accountId, "accountId") + ":role/"
                + ORGANIZATION_ROLE_NAME;
    }

    /**
     * Points any synchronous SDK client builder at {@code endpoint} with {@link #REGION},
     * {@link #credentials()} and an Apache HTTP client; the caller may override any of it.
     *
     * @param builder an SDK client builder such as {@code StsClient.builder()}
     * @param endpoint the moto (or proxy) endpoint
     * @param <B> the builder type
     * @param <C> the client type
     * @return the same builder, for chaining
     */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(
            B builder, URI endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        return builder.endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(credentials())
                .httpClientBuilder(ApacheHttpClient.builder()
                        .maxConnections(MAX_CONNECTIONS)
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(60)));
    }

    /**
     * Returns an Organizations client for the management account at {@code endpoint}.
     *
     * @param endpoint the moto (or proxy) endpoint
     * @return a new client, which the caller must close
     */
    public static OrganizationsClient organizations(URI endpoint) {
        return configure(OrganizationsClient.builder(), endpoint).build();
    }

    /**
     * Returns an STS client for the management account at {@code endpoint}.
     *
     * @param endpoint the moto (or proxy) endpoint
     * @return a new client, which the caller must close
     */
    public static StsClient sts(URI endpoint) {
        return configure(StsClient.builder(), endpoint).build();
    }

    /**
     * Returns an IAM client for the management account at {@code endpoint}.
     *
     * @param endpoint the moto (or proxy) endpoint
     * @return a new client, which the caller must close
     */
    public static IamClient iam(URI endpoint) {
        return configure(IamClient.builder(), endpoint).build();
    }

    /**
     * Returns an IAM client at {@code endpoint} that signs with {@code credentials} and tells
     * moto the requests belong to {@code accountId}, so moto need not search for the key.
     *
     * @param endpoint the moto (or proxy) endpoint
     * @param credentials credentials of {@code accountId}, e.g. from
     *     {@link MotoAccounts#assumeRole(URI, String)}
     * @param accountId the account the credentials belong to
     * @return a new client, which the caller must close
     */
    public static IamClient iam(URI endpoint, AwsCredentialsProvider credentials, String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        return configure(IamClient.builder(), endpoint)
                .credentialsProvider(Objects.requireNonNull(credentials, "credentials"))
                .overrideConfiguration(o -> o.putHeader(ACCOUNT_HEADER, accountId))
                .build();
    }
}
