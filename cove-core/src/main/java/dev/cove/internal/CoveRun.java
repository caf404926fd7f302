package dev.cove.internal;

import dev.cove.CoveCounts;
import dev.cove.CoveExecutionException;
import dev.cove.CoveFunction;
import dev.cove.CoveListener;
import dev.cove.CoveOutput;
import dev.cove.CoveResult;
import dev.cove.SessionInformation;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.AbortedException;
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
    /** The targets running now, by their task. */
    private final Map<FutureTask<?>, Target> running = new ConcurrentHashMap<>();
    /** Regions whose account's role is settled, waiting for a worker. */
    private final BlockingQueue<Target> ready = new LinkedBlockingQueue<>();
    private final AtomicInteger failures = new AtomicInteger();
    /** Why no new target starts any more; null while the run goes on. */
    private final AtomicReference<String> stopReason = new AtomicReference<>();
    /** A fatal Error that {@code run} rethrows instead of returning. */
    private final AtomicReference<Error> fatal = new AtomicReference<>();
    /** Set, before running targets are cancelled, once the run stops them: no target starts after it. */
    private volatile boolean cancelling;
    /** The positions of the targets still running when the run gave up waiting; made once, at the end. */
    private Set<Integer> stillRunning;
    /** With raiseException: the first failed target, which {@code run} throws as CoveExecutionException. */
    private final AtomicReference<CoveResult<T>> firstFailure = new AtomicReference<>();

    private CoveRun(CoveConfig config, CoveFunction<T> fn, CoveListener<? super T> listener, boolean keep,
            AwsClients clients, RunPlan plan, RolePrefetcher prefetcher) {
        this.config = config;
        this.prefetcher = prefetcher;
        this.fn = fn;
        this.clients = clients;
        this.plan = plan;
        this.requests = new AssumeRoleRequests(config, plan.partition());
        ProgressBar progress = ProgressBar.enabled(config.get(Options.PROGRESS)) ? ProgressBar.onStandardError(plan.size())
                : null;
        this.sink = new ResultSink<>(plan.size(), listener, progress, keep);
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
        return run(config, fn, listener, true).sink.output();
    }

    /**
     * Runs the function in every target of the configuration, handing each outcome to the listener and
     * keeping none: the run's memory does not grow with its number of targets.
     *
     * @param config the run's settings
     * @param fn the function
     * @param listener told of each outcome
     * @param <T> the result type
     * @return how many targets ended how
     */
    public static <T> CoveCounts stream(CoveConfig config, CoveFunction<T> fn, CoveListener<? super T> listener) {
        return run(config, fn, listener, false).sink.counts();
    }

    private static <T> CoveRun<T> run(CoveConfig config, CoveFunction<T> fn, CoveListener<? super T> listener,
            boolean keep) {
        Region region = TargetResolution.assumingRegion(config);
        RegionSelection regions = RegionSelection.of(config);
        int regionsPerAccount = regions.needsLookup() ? 0 : regions.fixed(region).size();
        try (AwsClients clients = AwsClients.open(config, region);
                RolePrefetcher prefetcher = new RolePrefetcher(config, clients.sts(), regionsPerAccount)) {
            RunPlan plan = TargetResolution.plan(config, clients, region, prefetcher::accept, prefetcher);
            prefetcher.stop();
            CoveRun<T> run = new CoveRun<>(config, fn, listener, keep, clients, plan, prefetcher);
            run.execute();
            return run;
        }
    }

    private void execute() {
        LOG.info("Running {} targets in {} accounts (up to {} regions each) with {} workers", plan.size(),
                plan.accounts().size(), plan.maxRegions(), config.get(Options.THREAD_WORKERS));
        sink.start(plan.targets());
        boolean interrupted;
        try (ExecutorService executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("cove-target-", 0).factory())) {
            interrupted = schedule(executor);
            interrupted |= awaitRunning();
            sink.finish(this::neverReported);
        } finally {
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
        CoveResult<T> failure = firstFailure.get();
        if (failure != null) {
            throw new CoveExecutionException(failure.info(), failure.exception(), sink.output());
        }
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
        return new Target(accountIndex, 0, account, role);
    }

    private void start(ExecutorService executor, Target target) {
        FutureTask<Void> task = new FutureTask<>(() -> runTarget(target), null);
        running.put(task, target);
        if (cancelling) {
            // stop() may have looked at the running targets before this one joined them: it never starts
            running.remove(task);
            permits.release();
            return;
        }
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

    private int position(Target target) {
        return plan.position(target.accountIndex(), target.regionIndex());
    }

    private void runTarget(Target target) {
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        String region = plan.regions(target.accountIndex()).get(target.regionIndex());
        SessionInformation info = sessionInformation(target.account(), region);
        CoveResult<T> outcome;
        try {
            outcome = assumeAndInvoke(target, info, region);
        } finally {
            target.role().release();
        }
        record(position(target), outcome.timed(startedAt, Duration.ofNanos(System.nanoTime() - started)));
    }

    private CoveResult<T> assumeAndInvoke(Target target, SessionInformation info, String region) {
        AwsCredentialsProvider credentials;
        try {
            credentials = target.role().credentials();
        } catch (RuntimeException e) {
            LOG.debug("Could not assume {} in {}: {}", config.get(Options.ROLE_NAME), target.account().id(), e.toString());
            return CoveResult.ofFailedAssumeRole(info, e);
        } finally {
            if (target.regionIndex() == 0) {
                queueOtherRegions(target);
            }
        }
        return invoke(info.withAssumeRoleSuccess(true), credentials, region);
    }

    /** The role is settled (assumed or failed): the account's other regions may start without waiting. */
    private void queueOtherRegions(Target first) {
        for (int r = 1; r < plan.regions(first.accountIndex()).size(); r++) {
            ready.add(new Target(first.accountIndex(), r, first.account(), first.role()));
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

    /**
     * Reports a target's outcome. A target that failed while the run was cancelling running targets, and
     * whose failure shows the interruption (its thread is still interrupted, or the failure is an
     * interruption: an {@link InterruptedException}, the SDK's {@code AbortedException} during AssumeRole,
     * an interrupted I/O call), was stopped by the run: it is interrupted, not failed.
     */
    private void record(int position, CoveResult<T> decided) {
        CoveResult<T> outcome = decided;
        if (cancelling && decided.outcome().failed() && stoppedByInterrupt(decided.exception())) {
            outcome = CoveResult.<T>ofInterrupted(decided.info(), decided.exception())
                    .timed(decided.startedAt(), decided.duration());
        }
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

    /** Whether a failure, on the target's own thread, is the mark of an interrupt rather than of the target. */
    private static boolean stoppedByInterrupt(Throwable failure) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof InterruptedIOException
                    || t instanceof ClosedByInterruptException || t instanceof AbortedException
                    || t instanceof CancellationException) {
                return true;
            }
        }
        return false;
    }

    /** No target starts after this; with {@code cancel}, running ones are interrupted too. */
    private void stop(String reason, boolean cancel) {
        if (stopReason.compareAndSet(null, reason)) {
            LOG.info("Stopping the run: {}; no new targets start", reason);
        }
        if (cancel) {
            cancelling = true;
            for (FutureTask<?> task : running.keySet()) {
                task.cancel(true);
            }
        }
    }

    /**
     * The outcome of a target that reported nothing by the end of the run: interrupted if it is still
     * running (it did not stop within the grace period), skipped if it never started.
     */
    private CoveResult<T> neverReported(int position) {
        PlannedAccount account = plan.accounts().get(plan.accountAt(position));
        SessionInformation info = sessionInformation(account, plan.regionAt(position));
        String reason = stopReason.get() == null ? "the run ended early" : stopReason.get();
        if (stillRunning == null) {
            stillRunning = running.values().stream().map(this::position).collect(Collectors.toSet());
        }
        if (stillRunning.contains(position)) {
            return CoveResult.ofInterrupted(info, new CancellationException("still running " + CANCEL_GRACE_SECONDS
                    + " s after the run was stopped (" + reason + "); abandoned"));
        }
        return CoveResult.ofSkipped(info, reason);
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
     * @param accountIndex the account's place in the plan
     * @param regionIndex the region's place among the account's regions
     * @param account the account
     * @param role the account's role, shared by its regions
     */
    private record Target(int accountIndex, int regionIndex, PlannedAccount account, AccountRole role) {
    }
}
