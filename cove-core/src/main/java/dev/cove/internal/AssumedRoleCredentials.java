package dev.cove.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The credentials of one assumed role, assumed again as they near expiry. It does what the SDK's
 * {@code StsAssumeRoleCredentialsProvider} (synchronous updates) does for Cove, without its per-instance cache
 * machinery: one AssumeRole call, then plain reads until the prefetch window.
 *
 * <p>From {@link #PREFETCH} before expiry one caller assumes the role again while the others keep the current
 * credentials; from {@link #STALE} before expiry every caller waits for the new ones. A failed refresh keeps the
 * current credentials while they have not expired; expired credentials are never returned.
 */
final class AssumedRoleCredentials implements AwsCredentialsProvider {

    /**
     * The SDK's default prefetch time for STS credentials, 5 minutes ({@code StsCredentialsProvider.BaseBuilder
     * #prefetchTime}, https://docs.aws.amazon.com/java/api/latest/software/amazon/awssdk/services/sts/auth/StsCredentialsProvider.BaseBuilder.html).
     */
    static final Duration PREFETCH = Duration.ofMinutes(5);

    /** The SDK's default stale time for STS credentials, 1 minute (same page, {@code #staleTime}). */
    static final Duration STALE = Duration.ofMinutes(1);

    /** How long credentials without an expiration time are kept, as the SDK's cache does for such values. */
    private static final Duration UNDATED = Duration.ofHours(1);

    private static final String PROVIDER_NAME = "CoveAssumedRoleCredentials";

    private final Supplier<AwsSessionCredentials> assume;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Held held;

    private record Held(AwsSessionCredentials credentials, Instant expiry) {
    }

    /**
     * Assumes the role now.
     *
     * @param assume assumes the role; called again under a lock to refresh
     * @param clock the clock expiry is checked against
     * @throws RuntimeException the first assumption's failure
     */
    AssumedRoleCredentials(Supplier<AwsSessionCredentials> assume, Clock clock) {
        this.assume = assume;
        this.clock = clock;
        this.held = fetch();
    }

    /**
     * Assumes a role with STS now.
     *
     * @param sts the client that calls AssumeRole
     * @param request the request, sent again for each refresh
     * @return the credentials
     * @throws RuntimeException what {@code AssumeRole} threw
     */
    static AssumedRoleCredentials assume(StsClient sts, AssumeRoleRequest request) {
        return new AssumedRoleCredentials(() -> toCredentials(sts.assumeRole(request)), Clock.systemUTC());
    }

    private static AwsSessionCredentials toCredentials(AssumeRoleResponse response) {
        Credentials credentials = response.credentials();
        return AwsSessionCredentials.builder()
                .accessKeyId(credentials.accessKeyId())
                .secretAccessKey(credentials.secretAccessKey())
                .sessionToken(credentials.sessionToken())
                .expirationTime(credentials.expiration())
                .accountId(response.assumedRoleUser() == null ? null : accountId(response.assumedRoleUser().arn()))
                .providerName(PROVIDER_NAME)
                .build();
    }

    /** The account field of an ARN ({@code arn:partition:service:region:account:resource}), or null. */
    static String accountId(String arn) {
        if (arn == null) {
            return null;
        }
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && "arn".equals(parts[0]) && !parts[4].isEmpty() ? parts[4] : null;
    }

    @Override
    public AwsSessionCredentials resolveCredentials() {
        Held current = held;
        Instant now = clock.instant();
        if (now.isBefore(current.expiry().minus(PREFETCH))) {
            return current.credentials();
        }
        if (now.isBefore(current.expiry().minus(STALE))) {
            // Prefetch window: one caller refreshes, the others go on with what is held.
            if (lock.tryLock()) {
                try {
                    if (held == current) {
                        held = fetch();
                    }
                } catch (RuntimeException stillValid) {
                    // The held credentials stay until stale; the next caller in the window tries again.
                } finally {
                    lock.unlock();
                }
            }
            return held.credentials();
        }
        lock.lock();
        try {
            current = held;
            if (clock.instant().isBefore(current.expiry().minus(STALE))) {
                return current.credentials();
            }
            try {
                held = fetch();
            } catch (RuntimeException e) {
                if (!clock.instant().isBefore(current.expiry())) {
                    throw e;
                }
            }
            return held.credentials();
        } finally {
            lock.unlock();
        }
    }

    private Held fetch() {
        AwsSessionCredentials credentials = assume.get();
        Instant expiry = credentials.expirationTime().orElseGet(() -> clock.instant().plus(UNDATED));
        return new Held(credentials, expiry);
    }

    @Override
    public String toString() {
        return "AssumedRoleCredentials[expiry=" + held.expiry() + "]";
    }
}
