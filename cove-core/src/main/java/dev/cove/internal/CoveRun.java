package dev.cove.internal;

import dev.cove.CoveExecutionException;
import dev.cove.CoveFunction;
import dev.cove.CoveListener;
import dev.cove.CoveOutput;
import dev.cove.CoveResult;
import dev.cove.SessionInformation;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;

/**
 * One run: resolves the targets, then runs the function in each on virtual threads, at most
 * {@code threadWorkers} at a time, account by account so that each account's role is assumed once and
 * dropped as soon as its last region is done.
 *
 * @param <T> the result type
 */
public final class CoveRun<T> {

    private static final Logger LOG = LoggerFactory.getLogger(CoveRun.class);
    private static final long CANCEL_GRACE_SECONDS = 30;

    private final CoveConfig config;
    private final CoveFunction<T> fn;
    private final AwsClients clients;
    private final RunPlan plan;
    private final ResultSink<T> sink;
    private final Semaphore permits;
    private final Set<FutureTask<?>> running = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Throwable> stopCause = new AtomicReference<>();

    private CoveRun(CoveConfig config, CoveFunction<T> fn, CoveListener<? super T> listener, AwsClients clients,
            RunPlan plan) {
        this.config = config;
        this.fn = fn;
        this.clients = clients;
        this.plan = plan;
        ProgressBar progress = ProgressBar.enabled(config.progress()) ? new ProgressBar(System.err, plan.size())
                : null;
        this.sink = new ResultSink<>(plan.size(), listener, progress);
        this.permits = new Semaphore(config.threadWorkers());
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
        try (AwsClients clients = AwsClients.open(config, region)) {
            RunPlan plan = TargetResolution.plan(config, clients, region);
            return new CoveRun<>(config, fn, listener, clients, plan).execute();
        }
    }

    private CoveOutput<T> execute() {
        LOG.info("Running in {} accounts x {} regions with {} workers", plan.accounts().size(),
                plan.regions().size(), config.threadWorkers());
        boolean interrupted = false;
        try (ExecutorService executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("cove-target-", 0).factory())) {
            interrupted = schedule(executor);
            interrupted |= awaitRunning();
        } finally {
            sink.finish();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable cause = stopCause.get();
        if (cause instanceof Error error) {
            throw error;
        }
        if (cause instanceof RuntimeException exception) {
            throw exception;
        }
        return sink.output();
    }

    /** Starts every target, account-major; returns true when the calling thread was interrupted. */
    private boolean schedule(ExecutorService executor) {
        int position = 0;
        for (OrgAccount account : plan.accounts()) {
            AccountRole role = new AccountRole(clients.sts(), assumeRoleRequest(account.id()), plan.regions().size());
            for (int r = 0; r < plan.regions().size(); r++) {
                int at = position++;
                String region = plan.regions().get(r);
                try {
                    permits.acquire();
                } catch (InterruptedException e) {
                    LOG.warn("Interrupted: no new targets start; cancelling the running ones");
                    cancelRunning();
                    return true;
                }
                if (stopCause.get() != null) {
                    permits.release();
                    return false;
                }
                FutureTask<Void> task = new FutureTask<>(() -> runTarget(at, account, region, role), null);
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
        }
        return false;
    }

    /** Waits until every started target has finished; returns true when the calling thread was interrupted. */
    private boolean awaitRunning() {
        int workers = config.threadWorkers();
        try {
            permits.acquire(workers);
            return false;
        } catch (InterruptedException e) {
            LOG.warn("Interrupted: cancelling the running targets");
            cancelRunning();
            try {
                if (!permits.tryAcquire(workers, CANCEL_GRACE_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warn("{} targets did not stop within {} s of being cancelled", running.size(),
                            CANCEL_GRACE_SECONDS);
                }
            } catch (InterruptedException again) {
                LOG.warn("Interrupted again: returning without waiting for {} running targets", running.size());
            }
            return true;
        }
    }

    private void runTarget(int position, OrgAccount account, String region, AccountRole role) {
        SessionInformation info = sessionInformation(account, region);
        CoveResult<T> outcome;
        try {
            AwsCredentialsProvider credentials;
            try {
                credentials = role.credentials();
            } catch (RuntimeException e) {
                outcome = new CoveResult<>(info, null, e);
                LOG.debug("Could not assume {} in {}: {}", config.roleName(), account.id(), e.toString());
                record(position, outcome);
                return;
            }
            info = info.withAssumeRoleSuccess(true);
            try (DefaultCoveSession session = new DefaultCoveSession(info, credentials, Region.of(region),
                    config.endpointOverride(), clients.httpClient())) {
                outcome = new CoveResult<>(info, fn.apply(session), null);
            } catch (Exception | AssertionError | LinkageError e) {
                outcome = new CoveResult<>(info, null, e);
            } catch (Error fatal) {
                stop(fatal);
                throw fatal;
            }
            record(position, outcome);
        } finally {
            role.release();
        }
    }

    private void record(int position, CoveResult<T> outcome) {
        sink.accept(position, outcome);
        if (config.raiseException() && !outcome.succeeded()) {
            stop(new CoveExecutionException(outcome.info(), outcome.exception()));
        }
    }

    /** Ends the run early: no target starts after this, and running ones are interrupted. */
    private void stop(Throwable cause) {
        if (stopCause.compareAndSet(null, cause)) {
            LOG.debug("Stopping the run: {}", cause.toString());
            cancelRunning();
        }
    }

    private void cancelRunning() {
        for (FutureTask<?> task : running) {
            task.cancel(true);
        }
    }

    private SessionInformation sessionInformation(OrgAccount account, String region) {
        return new SessionInformation(account.id(), account.arn(), account.email(), account.name(),
                account.status(), config.roleName(), config.roleSessionName(), config.policy(),
                config.policyArns(), config.externalId(), region, plan.partition(), false);
    }

    private AssumeRoleRequest assumeRoleRequest(String accountId) {
        AssumeRoleRequest.Builder request = AssumeRoleRequest.builder()
                .roleArn("arn:" + plan.partition() + ":iam::" + accountId + ":role/" + config.roleName())
                .roleSessionName(config.roleSessionName());
        if (config.policy() != null) {
            request.policy(config.policy());
        }
        if (!config.policyArns().isEmpty()) {
            request.policyArns(config.policyArns().stream()
                    .map(arn -> PolicyDescriptorType.builder().arn(arn).build())
                    .toList());
        }
        if (config.externalId() != null) {
            request.externalId(config.externalId());
        }
        return request.build();
    }
}
