package dev.cove.internal;

import dev.cove.CoveExecutionException;
import dev.cove.CoveFunction;
import dev.cove.CoveListener;
import dev.cove.CoveOutput;
import dev.cove.CoveResult;
import dev.cove.SessionInformation;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * One run: resolves the targets (assuming the roles of accounts already known to be targets while the
 * organization is still being listed), then runs the function in each on virtual threads, at most
 * {@code threadWorkers} at a time. Each account's role is assumed once, by its first region; its other
 * regions start as soon as the role is settled, ahead of new accounts, so the credentials are dropped
 * soon after. Every target ends in exactly one list of the output.
 *
 * @param <T> the result type
 */
public final class CoveRun<T> {

    private static final Logger LOG = LoggerFactory.getLogger(CoveRun.class);
    private static final long CANCEL_GRACE_SECONDS = 30;
    private static final long READY_POLL_MILLIS = 50;

    private final CoveConfig config;
    private final CoveFunction<T> fn;
    private final AwsClients clients;
    private final RunPlan plan;
    private final AssumeRoleRequests requests;
    private final RolePrefetcher prefetcher;
    private final ResultSink<T> sink;
    private final TargetTimer timer;
    private final Semaphore permits;
    private final Set<FutureTask<?>> running = ConcurrentHashMap.newKeySet();
    /** Regions whose account's role is settled, waiting for a worker. */
    private final BlockingQueue<Target> ready = new LinkedBlockingQueue<>();
    private final AtomicInteger failures = new AtomicInteger();
    /** Why no new target starts any more; null while the run goes on. */
    private final AtomicReference<String> stopReason = new AtomicReference<>();
    /** A fatal Error that {@code run} rethrows instead of returning. */
    private final AtomicReference<Error> fatal = new AtomicReference<>();
    /** With raiseException: the first failed target, which {@code run} throws as CoveExecutionException. */
    private final AtomicReference<CoveResult<T>> firstFailure = new AtomicReference<>();

    private CoveRun(CoveConfig config, CoveFunction<T> fn, CoveListener<? super T> listener, AwsClients clients,
            RunPlan plan, RolePrefetcher prefetcher) {
        this.config = config;
        this.prefetcher = prefetcher;
        this.fn = fn;
        this.clients = clients;
        this.plan = plan;
        this.requests = new AssumeRoleRequests(config, plan.partition());
        ProgressBar progress = ProgressBar.enabled(config.get(Options.PROGRESS)) ? ProgressBar.onStandardError(plan.size())
                : null;
        this.sink = new ResultSink<>(plan.size(), listener, progress);
        this.timer = config.get(Options.TIMEOUT) == null ? null : new TargetTimer(config.get(Options.TIMEOUT));
        this.permits = new Semaphore(config.get(Options.THREAD_WORKERS));
    }

    /**
     * Runs the function in every target of the configuration.
     *
     * @param config the run's settings
     * @param fn the function
     * @param listener told of each outcome
     * @param <T> the result type
     * @return every outcome
     */
    public static <T> CoveOutput<T> execute(CoveConfig config, CoveFunction<T> fn, CoveListener<? super T> listener) {
        Region region = TargetResolution.assumingRegion(config);
        RegionSelection regions = RegionSelection.of(config);
        int regionsPerAccount = regions.needsLookup() ? 0 : regions.fixed(region).size();
        try (AwsClients clients = AwsClients.open(config, region);
                RolePrefetcher prefetcher = new RolePrefetcher(config, clients.sts(), regionsPerAccount)) {
            RunPlan plan = TargetResolution.plan(config, clients, region, prefetcher::accept, prefetcher);
            prefetcher.stop();
            return new CoveRun<>(config, fn, listener, clients, plan, prefetcher).execute();
        }
    }

    private CoveOutput<T> execute() {
        LOG.info("Running {} targets in {} accounts (up to {} regions each) with {} workers", plan.size(),
                plan.accounts().size(), plan.maxRegions(), config.get(Options.THREAD_WORKERS));
        sink.start(plan.targets());
        boolean interrupted;
        try (ExecutorService executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("cove-target-", 0).factory())) {
            interrupted = schedule(executor);
            interrupted |= awaitRunning();
        } finally {
            sink.finish();
            if (timer != null) {
                timer.close();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (fatal.get() != null) {
            throw fatal.get();
        }
        CoveOutput<T> output = sink.output(this::skipped);
        CoveResult<T> failure = firstFailure.get();
        if (failure != null) {
            throw new CoveExecutionException(failure.info(), failure.exception(), output);
        }
        return output;
    }

    /**
     * Starts every target; returns true when the calling thread was interrupted. An account's first region
     * starts first and assumes the role; its other regions queue up once the role is settled, and go
     * before new accounts, so that no worker waits on another's AssumeRole and credentials are dropped soon.
     */
    private boolean schedule(ExecutorService executor) {
        int nextAccount = 0;
        for (int started = 0; started < plan.size(); started++) {
            Target next;
            try {
                permits.acquire();
                next = ready.poll();
                if (next == null && nextAccount < plan.accounts().size()) {
                    next = firstTarget(nextAccount++);
                }
                while (next == null && stopReason.get() == null) {
                    next = ready.poll(READY_POLL_MILLIS, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                stop("the run was interrupted", true);
                return true;
            }
            if (stopReason.get() != null) {
                permits.release();
                return false;
            }
            start(executor, next);
        }
        return false;
    }

    private Target firstTarget(int accountIndex) {
        PlannedAccount account = plan.accounts().get(accountIndex);
        AccountRole role = account.host() ? AccountRole.calling(clients.credentials()) : prefetcher.take(account.id());
        if (role == null) {
            role = new AccountRole(clients.sts(), requests.forAccount(account.id()), account.regions().size());
        }
        return new Target(plan.offset(accountIndex), account, 0, role);
    }

    private void start(ExecutorService executor, Target target) {
        FutureTask<Void> task = new FutureTask<>(() -> runTarget(target), null);
        running.add(task);
        executor.execute(() -> {
            try {
                task.run();
            } finally {
                running.remove(task);
                permits.release();
            }
        });
    }

    /** Waits until every started target has finished; returns true when the calling thread was interrupted. */
    private boolean awaitRunning() {
        int workers = config.get(Options.THREAD_WORKERS);
        try {
            permits.acquire(workers);
            return false;
        } catch (InterruptedException e) {
            stop("the run was interrupted", true);
            try {
                if (!permits.tryAcquire(workers, CANCEL_GRACE_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warn("{} targets did not stop within {} s of being interrupted", running.size(),
                            CANCEL_GRACE_SECONDS);
                }
            } catch (InterruptedException again) {
                LOG.warn("Interrupted again: returning without waiting for {} running targets", running.size());
            }
            return true;
        }
    }

    private void runTarget(Target target) {
        String region = target.account().regions().get(target.regionIndex());
        SessionInformation info = sessionInformation(target.account(), region);
        try {
            AwsCredentialsProvider credentials;
            try {
                credentials = target.role().credentials();
            } catch (RuntimeException e) {
                LOG.debug("Could not assume {} in {}: {}", config.get(Options.ROLE_NAME), target.account().id(),
                        e.toString());
                record(target.position(), CoveResult.ofFailedAssumeRole(info, e));
                return;
            } finally {
                if (target.regionIndex() == 0) {
                    queueOtherRegions(target);
                }
            }
            info = info.withAssumeRoleSuccess(true);
            record(target.position(), invoke(info, credentials, region));
        } finally {
            target.role().release();
        }
    }

    /** The role is settled (assumed or failed): the account's other regions may start without waiting. */
    private void queueOtherRegions(Target first) {
        for (int r = 1; r < first.account().regions().size(); r++) {
            ready.add(new Target(first.position() + r, first.account(), r, first.role()));
        }
    }

    private CoveResult<T> invoke(SessionInformation info, AwsCredentialsProvider credentials, String region) {
        TargetTimer.Deadline deadline = timer == null ? null : timer.start(Thread.currentThread());
        T value = null;
        Throwable failure = null;
        try (DefaultCoveSession session = new DefaultCoveSession(info, credentials, Region.of(region),
                config.get(Options.ENDPOINT_OVERRIDE), clients.httpClient())) {
            value = fn.apply(session);
        } catch (Exception | AssertionError | LinkageError e) {
            failure = e;
        } catch (Error fatal) {
            // VirtualMachineError and the like: the JVM is in trouble, so the run must not go on as if not.
            if (this.fatal.compareAndSet(null, fatal)) {
                stop("a fatal error occurred: " + fatal, true);
            }
            throw fatal;
        }
        if (deadline != null && deadline.finish()) {
            return CoveResult.ofException(info, deadline.timeoutException(failure));
        }
        return failure == null ? CoveResult.ofResult(info, value) : CoveResult.ofException(info, failure);
    }

    private void record(int position, CoveResult<T> outcome) {
        sink.accept(position, outcome);
        if (!outcome.outcome().failed()) {
            return;
        }
        int failed = failures.incrementAndGet();
        if (config.get(Options.RAISE_EXCEPTION)) {
            if (firstFailure.compareAndSet(null, outcome)) {
                stop("raiseException: account " + outcome.id() + " region " + outcome.region() + " failed", true);
            }
        } else if (config.tooManyFailures(failed)) {
            stop(failed + " targets failed, more than maxFailures " + config.get(Options.MAX_FAILURES), false);
        }
    }

    /** No target starts after this; with {@code cancel}, running ones are interrupted too. */
    private void stop(String reason, boolean cancel) {
        if (stopReason.compareAndSet(null, reason)) {
            LOG.info("Stopping the run: {}; no new targets start", reason);
        }
        if (cancel) {
            for (FutureTask<?> task : running) {
                task.cancel(true);
            }
        }
    }

    private CoveResult<T> skipped(int position) {
        int accountIndex = plan.accountAt(position);
        PlannedAccount account = plan.accounts().get(accountIndex);
        String region = account.regions().get(position - plan.offset(accountIndex));
        String reason = stopReason.get();
        return CoveResult.ofSkipped(sessionInformation(account, region),
                reason == null ? "the run ended early" : reason);
    }

    private SessionInformation sessionInformation(PlannedAccount planned, String region) {
        OrgAccount account = planned.listing();
        if (planned.host()) {
            // The calling account runs with the calling credentials: no role, so no AssumeRole parameters.
            return new SessionInformation(account.id(), account.arn(), account.email(), account.name(),
                    account.status(), account.state(), null, null, null, null, null, region, plan.partition(), false,
                    planned.ouPath(), planned.tags());
        }
        return new SessionInformation(account.id(), account.arn(), account.email(), account.name(),
                account.status(), account.state(), config.get(Options.ROLE_NAME),
                config.get(Options.ROLE_SESSION_NAME), config.get(Options.POLICY), config.get(Options.POLICY_ARNS),
                config.get(Options.EXTERNAL_ID), region, plan.partition(), false, planned.ouPath(), planned.tags());
    }

    /**
     * One account × region to run.
     *
     * @param position its place in the output
     * @param account the account
     * @param regionIndex the region's place in the account's regions
     * @param role the account's role, shared by its regions
     */
    private record Target(int position, PlannedAccount account, int regionIndex, AccountRole role) {
    }
}
