package dev.cove.internal;

import dev.cove.CoveCounts;
import dev.cove.CoveExecutionException;
import dev.cove.CoveFunction;
import dev.cove.CoveListener;
import dev.cove.CoveOutput;
import dev.cove.CoveResult;
import dev.cove.SessionInformation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * One run: resolves the targets on a discovery thread while it runs the function in each target already known
 * on virtual threads, at most {@code threadWorkers} at a time. When every account of the organization is
 * selected, accounts join the run as the organization's pages arrive (see {@link TargetResolver#resolve(
 * java.util.function.BiConsumer, RoleKeeper)}); otherwise they join once the plan is complete. Each account's
 * role is assumed once, by its first region; its other regions start as soon as the role is settled, ahead of
 * new accounts, so the credentials are dropped soon after. Every target ends in exactly one list of the output.
 *
 * @param <T> the result type
 */
public final class CoveRun<T> {

    private static final Logger LOG = LoggerFactory.getLogger(CoveRun.class);
    private static final long CANCEL_GRACE_SECONDS = 30;
    private static final long QUEUE_POLL_MILLIS = 50;
    /** Put in the queue when discovery ends, so that the scheduler looks at once. */
    private static final Target DISCOVERY_ENDED = new Target(-1, -1, null, null);

    private final CoveConfig config;
    private final AwsClients clients;
    private final Region assumingRegion;
    private final KeptRoles keptRoles;
    private final Admissions admissions = new Admissions();
    private final ResultSink<T> sink;
    private final TargetTimer timer;
    private final TargetCall<T> call;
    private final Semaphore permits;
    /** The targets running now, by their task. */
    private final Map<FutureTask<?>, Target> running = new ConcurrentHashMap<>();
    /**
     * Targets waiting for a worker: an account's other regions, once its role is settled, at the front; each
     * new account's first region at the back.
     */
    private final BlockingDeque<Target> queue = new LinkedBlockingDeque<>();
    private final AtomicInteger failures = new AtomicInteger();
    /** Why no new target starts any more; null while the run goes on. */
    private final AtomicReference<String> stopReason = new AtomicReference<>();
    /** A fatal Error that {@code run} rethrows instead of returning. */
    private final AtomicReference<Error> fatal = new AtomicReference<>();
    /** Set, before running targets are cancelled, once the run stops them: no target starts after it. */
    private volatile boolean cancelling;
    /** Set once the plan is complete and every one of its accounts has joined the run. */
    private volatile boolean planComplete;
    /** Set before the run interrupts discovery: the listing's failure is then the run's own doing. */
    private volatile boolean discoveryStopped;
    /** Why discovery failed, thrown by {@code run} once the targets already started have ended. */
    private volatile RuntimeException discoveryFailure;
    /** The regions of every announced account (announced only when all run in the same); set on first use. */
    private volatile List<String> announcedRegions;
    /** The AssumeRole requests of the run's partition, made when the partition is known. */
    private volatile AssumeRoleRequests requests;
    /** The positions of the targets still running when the run gave up waiting; made once, at the end. */
    private Set<Integer> stillRunning;
    /** With raiseException: the first failed target, which {@code run} throws as CoveExecutionException. */
    private final AtomicReference<CoveResult<T>> firstFailure = new AtomicReference<>();

    private CoveRun(CoveConfig config, CoveFunction<T> fn, CoveListener<? super T> listener, boolean keep,
            AwsClients clients, Region assumingRegion, KeptRoles keptRoles) {
        this.config = config;
        this.clients = clients;
        this.assumingRegion = assumingRegion;
        this.keptRoles = keptRoles;
        ProgressBar progress = ProgressBar.enabled(config.get(Options.PROGRESS)) ? ProgressBar.onStandardError() : null;
        this.sink = new ResultSink<>(listener, progress, keep);
        this.timer = config.get(Options.TIMEOUT) == null ? null : new TargetTimer(config.get(Options.TIMEOUT));
        this.call = new TargetCall<>(config, fn, clients, timer);
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
        if (!regions.needsLookup()) {
            regions.fixed(region); // a selection that leaves no region fails here, before any call
        }
        try (AwsClients clients = AwsClients.open(config, region); KeptRoles keptRoles = new KeptRoles()) {
            CoveRun<T> run = new CoveRun<>(config, fn, listener, keep, clients, region, keptRoles);
            run.execute();
            return run;
        }
    }

    private void execute() {
        // A platform thread: on a virtual thread the listing's chain of pages would queue for a carrier behind
        // every busy target, and each page would come later.
        Thread discovery = Thread.ofPlatform().name("cove-discovery").daemon(true).start(this::discover);
        boolean interrupted;
        try (ExecutorService executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("cove-target-", 0).factory())) {
            interrupted = schedule(executor);
            interrupted |= awaitDiscovery(discovery, interrupted);
            if (discoveryFailure != null && admissions.accounts() == 0) {
                // Nothing started: the run fails as a dry run would, before any outcome.
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                throw discoveryFailure;
            }
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
        if (discoveryFailure != null) {
            throw discoveryFailure;
        }
        CoveResult<T> failure = firstFailure.get();
        if (failure != null) {
            throw new CoveExecutionException(failure.info(), failure.exception(), sink.output());
        }
    }

    /**
     * Resolves the plan, admitting each account announced as surely in it as soon as it is known, then every
     * other account of the plan. Runs on its own thread; a failure is kept for {@code run} to throw.
     */
    private void discover() {
        try {
            RunPlan plan = TargetResolution.plan(config, clients, assumingRegion, this::announced, keptRoles);
            requests(plan.partition());
            for (PlannedAccount account : plan.accounts()) {
                PlannedAccount admitted = admissions.find(account.id());
                if (admitted == null) {
                    admit(account);
                } else if (!admitted.equals(account)) {
                    LOG.warn("Account {} started as {} but is planned as {}", account.id(), admitted, account);
                }
            }
            LOG.info("Running {} targets in {} accounts (up to {} regions each) with {} workers", plan.size(),
                    plan.accounts().size(), plan.maxRegions(), config.get(Options.THREAD_WORKERS));
            planComplete = true;
            sink.planned(plan.targets());
        } catch (RuntimeException e) {
            if (discoveryStopped && admissions.accounts() > 0) {
                // The run was interrupted and stopped the listing: the targets already known are reported.
                LOG.debug("The organization's listing stopped with the run: {}", e.toString());
                return;
            }
            discoveryFailure = e;
            if (admissions.accounts() > 0) {
                stop("the organization could not be read to the end (" + e + ")", false);
            }
        } catch (Error e) {
            if (fatal.compareAndSet(null, e)) {
                stop("a fatal error occurred: " + e, true);
            }
        } finally {
            queue.addLast(DISCOVERY_ENDED);
        }
    }

    /** An account discovery announced as surely in the plan: every such account runs in the fixed regions. */
    private void announced(String partition, OrgAccount account) {
        requests(partition);
        if (announcedRegions == null) {
            announcedRegions = RegionSelection.of(config).fixed(assumingRegion);
        }
        admit(new PlannedAccount(account, null, null, announcedRegions, false));
    }

    private void requests(String partition) {
        if (requests == null) {
            requests = new AssumeRoleRequests(config, partition);
        }
    }

    /** Gives the account its slots and queues its first region. */
    private void admit(PlannedAccount account) {
        int firstSlot = admissions.admit(account);
        if (firstSlot < 0) {
            return;
        }
        sink.grow(account.regions().size());
        AccountRole role = account.host() ? AccountRole.calling(clients.credentials()) : keptRoles.take(account.id());
        if (role == null) {
            role = new AccountRole(clients.sts(), requests.forAccount(account.id()), account.regions().size());
        }
        queue.addLast(new Target(firstSlot, 0, account, role));
    }

    /**
     * Starts every target as it becomes ready; returns true when the calling thread was interrupted. An
     * account's first region starts first and assumes the role; its other regions queue up at the front once
     * the role is settled, so that no worker waits on another's AssumeRole and credentials are dropped soon.
     */
    private boolean schedule(ExecutorService executor) {
        int started = 0;
        while (true) {
            Target next = null;
            try {
                permits.acquire();
                while (next == null) {
                    if (stopReason.get() != null || (planComplete && started == admissions.slots())
                            || (discoveryFailure != null && admissions.accounts() == 0)) {
                        permits.release();
                        return false;
                    }
                    next = queue.pollFirst(QUEUE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                    if (next == DISCOVERY_ENDED) {
                        next = null;
                    }
                }
            } catch (InterruptedException e) {
                stop("the run was interrupted", true);
                return true;
            }
            started++;
            start(executor, next);
        }
    }

    /**
     * Waits for discovery to end (it goes on after a stop, so that every target of the plan is reported);
     * stops it when the run was interrupted. Returns true when the calling thread was interrupted.
     */
    private boolean awaitDiscovery(Thread discovery, boolean interrupted) {
        if (interrupted) {
            discoveryStopped = true;
            discovery.interrupt();
        }
        try {
            discovery.join();
            return false;
        } catch (InterruptedException e) {
            stop("the run was interrupted", true);
            discoveryStopped = true;
            discovery.interrupt();
            try {
                discovery.join(TimeUnit.SECONDS.toMillis(CANCEL_GRACE_SECONDS));
            } catch (InterruptedException again) {
                LOG.warn("Interrupted again: not waiting for the organization's listing to stop");
            }
            return true;
        }
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

    private static int position(Target target) {
        return target.firstSlot() + target.regionIndex();
    }

    private void runTarget(Target target) {
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        String region = target.account().regions().get(target.regionIndex());
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
        // at the front, last region first, so that they start in region order and ahead of new accounts
        for (int r = first.account().regions().size() - 1; r >= 1; r--) {
            queue.addFirst(new Target(first.firstSlot(), r, first.account(), first.role()));
        }
    }

    private CoveResult<T> invoke(SessionInformation info, AwsCredentialsProvider credentials, String region) {
        try {
            return call.invoke(info, credentials, region);
        } catch (Error fatal) {
            // VirtualMachineError and the like: the JVM is in trouble, so the run must not go on as if not.
            if (this.fatal.compareAndSet(null, fatal)) {
                stop("a fatal error occurred: " + fatal, true);
            }
            throw fatal;
        }
    }

    /**
     * Reports a target's outcome. A target that failed while the run was cancelling running targets, and
     * whose failure shows the interruption ({@link TargetCall#stoppedByInterrupt}), was stopped by the run:
     * it is interrupted, not failed.
     */
    private void record(int position, CoveResult<T> decided) {
        CoveResult<T> outcome = decided;
        if (cancelling && decided.outcome().failed() && TargetCall.stoppedByInterrupt(decided.exception())) {
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
        SessionInformation info = sessionInformation(admissions.accountAt(position), admissions.regionAt(position));
        String reason = stopReason.get() == null ? "the run ended early" : stopReason.get();
        if (stillRunning == null) {
            stillRunning = running.values().stream().map(CoveRun::position).collect(Collectors.toSet());
        }
        if (stillRunning.contains(position)) {
            return CoveResult.ofInterrupted(info, new CancellationException("still running " + CANCEL_GRACE_SECONDS
                    + " s after the run was stopped (" + reason + "); abandoned"));
        }
        return CoveResult.ofSkipped(info, reason);
    }

    private SessionInformation sessionInformation(PlannedAccount planned, String region) {
        return call.sessionInformation(planned, region, requests.partition());
    }

    /**
     * One account × region to run.
     *
     * @param firstSlot the slot of the account's first region
     * @param regionIndex the region's place among the account's regions
     * @param account the account
     * @param role the account's role, shared by its regions
     */
    private record Target(int firstSlot, int regionIndex, PlannedAccount account, AccountRole role) {
    }
}
