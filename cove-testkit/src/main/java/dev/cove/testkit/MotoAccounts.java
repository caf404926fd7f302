package dev.cove.testkit;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AccountStatus;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Per-account state in moto: credentials of an account's {@link Moto#ORGANIZATION_ROLE_NAME},
 * IAM users created with them, and closing accounts.
 *
 * <p>moto maps credentials returned by AssumeRole to the account in the role ARN, so IAM users
 * created here exist only in that account, and a test can count them to prove which account's
 * credentials some code used. moto does not check that the role exists.
 */
public final class MotoAccounts {

    /** The role session name used by {@link #assumeRole(URI, String)}. */
    public static final String SESSION_NAME = "cove-testkit";

    private static final int CONCURRENCY = 8;

    private MotoAccounts() {
    }

    /**
     * Assumes {@link Moto#ORGANIZATION_ROLE_NAME} in {@code accountId} as the management account
     * and returns the temporary credentials (they do not refresh; moto's last an hour).
     *
     * @param endpoint the moto endpoint
     * @param accountId the account whose role to assume; moto accepts any 12-digit id
     * @return static session credentials of that account
     */
    public static AwsCredentialsProvider assumeRole(URI endpoint, String accountId) {
        requireAccountId(accountId);
        try (StsClient sts = Moto.sts(endpoint)) {
            Credentials credentials = sts.assumeRole(r -> r.roleArn(Moto.organizationRoleArn(accountId))
                    .roleSessionName(SESSION_NAME)).credentials();
            return StaticCredentialsProvider.create(AwsSessionCredentials.create(
                    credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken()));
        }
    }

    /**
     * Creates IAM users {@code user-1} ... {@code user-n} in {@code accountId}, using credentials
     * of the account's organization role.
     *
     * @param endpoint the moto endpoint
     * @param accountId the account to create the users in
     * @param n how many users
     * @return the names of the users created
     * @throws IllegalArgumentException if {@code n} is negative or the account id is malformed
     */
    public static List<String> createIamUsers(URI endpoint, String accountId, int n) {
        requireAccountId(accountId);
        if (n < 0) {
            throw new IllegalArgumentException("n must be at least 0, got " + n);
        }
        List<String> names = IntStream.rangeClosed(1, n).mapToObj(i -> "user-" + i).toList();
        try (IamClient iam = Moto.iam(endpoint, assumeRole(endpoint, accountId), accountId)) {
            names.forEach(name -> iam.createUser(r -> r.userName(name)));
        }
        return names;
    }

    /**
     * Creates IAM users {@code user-1} ... {@code user-n} in every member account of
     * {@code org}, a few accounts at a time.
     *
     * @param endpoint the moto endpoint
     * @param org the organization whose members get users
     * @param n how many users per account
     * @return the names of the users created in each account
     */
    public static List<String> createIamUsers(URI endpoint, OrgFixture org, int n) {
        Objects.requireNonNull(org, "org");
        List<List<String>> created = Parallel.map(org.memberIds(), CONCURRENCY,
                id -> "creating IAM users in " + id, id -> createIamUsers(endpoint, id, n));
        return created.isEmpty() ? List.of() : created.getFirst();
    }

    /**
     * Returns the names of the IAM users in {@code accountId}, seen through its organization role.
     *
     * @param endpoint the moto endpoint
     * @param accountId the account to look in
     * @return the user names
     */
    public static List<String> listIamUsers(URI endpoint, String accountId) {
        requireAccountId(accountId);
        try (IamClient iam = Moto.iam(endpoint, assumeRole(endpoint, accountId), accountId)) {
            return iam.listUsersPaginator().users().stream().map(User::userName).toList();
        }
    }

    /**
     * Closes a member account. moto marks it {@code SUSPENDED} at once (no
     * {@code PENDING_CLOSURE} phase); ListAccounts keeps returning it with that status.
     *
     * @param endpoint the moto endpoint
     * @param accountId the member account to close
     * @throws software.amazon.awssdk.services.organizations.model.AccountAlreadyClosedException
     *     if it is already closed
     */
    public static void closeAccount(URI endpoint, String accountId) {
        requireAccountId(accountId);
        try (OrganizationsClient organizations = Moto.organizations(endpoint)) {
            organizations.closeAccount(r -> r.accountId(accountId));
        }
    }

    /**
     * Returns the Organizations status of {@code accountId}.
     *
     * @param endpoint the moto endpoint
     * @param accountId a member account
     * @return e.g. {@code ACTIVE} or {@code SUSPENDED}
     */
    public static AccountStatus accountStatus(URI endpoint, String accountId) {
        requireAccountId(accountId);
        try (OrganizationsClient organizations = Moto.organizations(endpoint)) {
            return organizations.describeAccount(r -> r.accountId(accountId)).account().status();
        }
    }

    private static void requireAccountId(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        if (!accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("accountId must be 12 digits, got '" + accountId + "'");
        }
    }
}
