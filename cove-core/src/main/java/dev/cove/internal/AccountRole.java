package dev.cove.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * The role of one account, assumed once and shared by all of the account's regions. The first region to
 * ask assumes it; the others wait and get the same credentials (or the same failure). When the last
 * region releases it, the credentials are dropped. The calling account's "role" is the calling credentials:
 * nothing is assumed, and nothing is dropped, since Cove does not own them.
 */
final class AccountRole {

    private final StsClient sts;
    private final AssumeRoleRequest request;
    private final AwsCredentialsProvider calling;
    private final AtomicInteger users;
    private final ReentrantLock lock = new ReentrantLock();
    // guarded by lock
    private AssumedRoleCredentials provider;
    // guarded by lock
    private RuntimeException failure;

    AccountRole(StsClient sts, AssumeRoleRequest request, int regions) {
        this.sts = sts;
        this.request = request;
        this.calling = null;
        this.users = new AtomicInteger(regions);
    }

    private AccountRole(AwsCredentialsProvider calling) {
        this.sts = null;
        this.request = null;
        this.calling = calling;
        this.users = new AtomicInteger(Integer.MAX_VALUE);
    }

    /**
     * Returns the "role" of the calling account: its own credentials, which Cove neither assumes nor closes.
     *
     * @param calling the calling credentials
     * @return the role
     */
    static AccountRole calling(AwsCredentialsProvider calling) {
        return new AccountRole(calling);
    }

    /**
     * Sets how many regions will use the role, once they are known (a role assumed to look up the account's
     * regions); with none, the credentials are dropped now.
     *
     * @param regions the number of the account's targets
     */
    void expectUsers(int regions) {
        users.set(regions);
        if (regions == 0) {
            drop();
        }
    }

    /**
     * Returns the role's self-refreshing credentials, assuming the role on the first call.
     *
     * @return the credentials provider
     * @throws RuntimeException the AssumeRole failure (the same one for every region of the account)
     */
    AwsCredentialsProvider credentials() {
        if (calling != null) {
            return calling;
        }
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

    private void assume() {
        try {
            provider = AssumedRoleCredentials.assume(sts, request);
        } catch (RuntimeException e) {
            failure = unwrap(e);
        }
    }

    /** Marks one region done with the role; the last one drops the credentials. */
    void release() {
        if (calling == null && users.decrementAndGet() == 0) {
            drop();
        }
    }

    /** Lets go of the credentials now (a role assumed for a run that will not use it). */
    void drop() {
        if (calling != null) {
            return;
        }
        lock.lock();
        try {
            provider = null;
        } finally {
            lock.unlock();
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
