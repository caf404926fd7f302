package dev.cove.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * The role of one account, assumed once and shared by all of the account's regions. The first region to
 * ask assumes it; the others wait and get the same credentials (or the same failure). When the last
 * region releases it, the credentials are dropped.
 */
final class AccountRole {

    private final StsClient sts;
    private final AssumeRoleRequest request;
    private final AtomicInteger users;
    private final ReentrantLock lock = new ReentrantLock();
    // guarded by lock
    private StsAssumeRoleCredentialsProvider provider;
    // guarded by lock
    private RuntimeException failure;

    AccountRole(StsClient sts, AssumeRoleRequest request, int regions) {
        this.sts = sts;
        this.request = request;
        this.users = new AtomicInteger(regions);
    }

    /**
     * Returns the role's self-refreshing credentials, assuming the role on the first call.
     *
     * @return the credentials provider
     * @throws RuntimeException the AssumeRole failure (the same one for every region of the account)
     */
    AwsCredentialsProvider credentials() {
        lock.lock();
        try {
            if (provider == null && failure == null) {
                assume();
            }
            if (failure != null) {
                throw failure;
            }
            return provider;
        } finally {
            lock.unlock();
        }
    }

    /** Assumes the role ahead of the account's targets; a failure is kept for them to report. */
    void prefetch() {
        try {
            credentials();
        } catch (RuntimeException keptForTheTargets) {
            // credentials() throws the same failure to each of the account's targets.
        }
    }

    private void assume() {
        StsAssumeRoleCredentialsProvider candidate = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(request)
                .asyncCredentialUpdateEnabled(false)
                .build();
        try {
            candidate.resolveCredentials();
            provider = candidate;
        } catch (RuntimeException e) {
            candidate.close();
            failure = unwrap(e);
        }
    }

    /** Marks one region done with the role; the last one drops the credentials. */
    void release() {
        if (users.decrementAndGet() == 0) {
            lock.lock();
            try {
                if (provider != null) {
                    provider.close();
                    provider = null;
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** The SDK may wrap the service's error in a client exception; the service's error says more. */
    private static RuntimeException unwrap(RuntimeException e) {
        Throwable cause = e.getCause();
        if (e.getClass() == software.amazon.awssdk.core.exception.SdkClientException.class
                && cause instanceof SdkException sdk) {
            return sdk;
        }
        return e;
    }
}
