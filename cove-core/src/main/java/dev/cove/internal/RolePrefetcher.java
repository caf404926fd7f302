package dev.cove.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Assumes the roles of accounts that discovery announces while the organization is still being listed,
 * at most {@code threadWorkers} at a time, so that AssumeRole latency overlaps the chain of ListAccounts
 * pages instead of following it. Each account's role is still assumed once; a failure is kept for the
 * account's targets to report. Once discovery ends, no new role is assumed ahead.
 */
final class RolePrefetcher implements RoleKeeper, AutoCloseable {

    private final CoveConfig config;
    private final StsClient sts;
    private final int regions;
    private final Semaphore permits;
    private final Map<String, AccountRole> roles = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("cove-prefetch-", 0).factory());
    private volatile boolean open = true;
    // Written and read by the single discovery thread only.
    private AssumeRoleRequests requests;

    /**
     * Creates the prefetcher.
     *
     * @param config the run's settings
     * @param sts the run's STS client
     * @param regions how many regions each announced account runs in (announced only when all run in the same)
     */
    RolePrefetcher(CoveConfig config, StsClient sts, int regions) {
        this.config = config;
        this.sts = sts;
        this.regions = regions;
        this.permits = new Semaphore(config.get(Options.THREAD_WORKERS));
    }

    /**
     * Starts assuming an account's role; called by discovery for accounts that are surely targets.
     *
     * @param partition the run's partition
     * @param account the account
     */
    void accept(String partition, OrgAccount account) {
        if (!open) {
            return;
        }
        if (requests == null) {
            requests = new AssumeRoleRequests(config, partition);
        }
        AccountRole role = new AccountRole(sts, requests.forAccount(account.id()), regions);
        roles.put(account.id(), role);
        executor.execute(() -> {
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                return;
            }
            try {
                if (open) {
                    role.prefetch();
                }
            } finally {
                permits.release();
            }
        });
    }

    /**
     * Keeps a role that discovery assumed to read the account's regions, for the account's targets.
     *
     * @param accountId the account
     * @param role the role, assumed or failed
     */
    @Override
    public void keep(String accountId, AccountRole role) {
        roles.put(accountId, role);
    }

    /** Discovery is over: roles not yet being assumed are left to their targets. */
    void stop() {
        open = false;
    }

    /**
     * Hands over an account's role, assumed or being assumed, if discovery announced the account.
     *
     * @param accountId the account
     * @return the role, or null when the account was not announced
     */
    AccountRole take(String accountId) {
        return roles.remove(accountId);
    }

    /**
     * Waits for the AssumeRole calls in flight (none start after {@link #stop()}) and drops the credentials of
     * roles no target took.
     */
    @Override
    public void close() {
        open = false;
        executor.close();
        roles.values().forEach(AccountRole::drop);
        roles.clear();
    }
}
