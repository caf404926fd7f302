package dev.cove.internal;

import dev.cove.CoveConfigurationException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.retry.RetryUtils;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Cove's first AWS call, {@code sts:GetCallerIdentity}, which finds the calling account and partition. It
 * is where a wrong endpoint, a missing network or missing credentials show, so it fails fast where
 * retrying cannot help (a refused connection, an unknown host, no credentials) with one line saying what to
 * fix, keeps its retries for throttling, 5xx and broken connections, and says what it waits for when the
 * first answer is slow.
 */
final class CallerIdentity {

    private static final Logger LOG = LoggerFactory.getLogger(CallerIdentity.class);
    /** After this long without an answer, Cove says what it is waiting for. */
    static final Duration SLOW_ANSWER = Duration.ofSeconds(5);
    private static final String NO_CREDENTIALS = "Unable to load credentials";

    private final CoveConfig config;
    private final StsClient sts;
    private final Region region;

    CallerIdentity(CoveConfig config, StsClient sts, Region region) {
        this.config = config;
        this.sts = sts;
        this.region = region;
    }

    /**
     * Calls {@code sts:GetCallerIdentity}.
     *
     * @return the caller's identity
     * @throws CoveConfigurationException naming the call, the endpoint and what to check, when it fails
     */
    GetCallerIdentityResponse call() {
        CountDownLatch answered = new CountDownLatch(1);
        Thread watchdog = Thread.ofVirtual().name("cove-first-call-watchdog").start(() -> warnWhenSlow(answered));
        try {
            return sts.getCallerIdentity(r -> r.overrideConfiguration(o -> o.addPlugin(
                    client -> client.overrideConfiguration(client.overrideConfiguration().toBuilder()
                            .retryStrategy(retryStrategy()).build()))));
        } catch (SdkException e) {
            throw failure(e);
        } finally {
            answered.countDown();
            watchdog.interrupt();
        }
    }

    private void warnWhenSlow(CountDownLatch answered) {
        try {
            if (!answered.await(SLOW_ANSWER.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Still waiting for sts:GetCallerIdentity at {} after {} s (each attempt gives up after "
                        + "{} s); check the endpoint and the network if this goes on", endpoint(),
                        SLOW_ANSWER.toSeconds(), config.get(Options.API_CALL_ATTEMPT_TIMEOUT).toSeconds());
            }
        } catch (InterruptedException answeredMeanwhile) {
            // the call ended
        }
    }

    private CoveConfigurationException failure(SdkException e) {
        String prefix = "cannot identify the calling account (sts:GetCallerIdentity in " + region.id() + " at "
                + endpoint() + "): ";
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.startsWith(NO_CREDENTIALS)) {
            // The SDK's message lists every provider of its chain (over a thousand characters); the chain
            // stays available as the cause, which the CLI prints with --debug.
            return new CoveConfigurationException("assumingCredentials", null, prefix + "no AWS credentials found. "
                    + "Set a profile (AWS_PROFILE), the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY variables, or "
                    + "run where a role provides credentials (instance profile, container or web identity)", e);
        }
        Throwable unreachable = connectFailure(e);
        if (unreachable != null) {
            return new CoveConfigurationException("endpointOverride", endpoint(), prefix
                    + (unreachable instanceof UnknownHostException
                    ? "unknown host " + unreachable.getMessage() : unreachable.getMessage())
                    + "; check the endpoint and the network", e);
        }
        return new CoveConfigurationException("assumingCredentials", null, prefix + message + " — check the "
                + "credentials (profile, environment variables), the region and the endpoint", e);
    }

    /** Where the call went: the override, the SDK's endpoint settings, or STS's regional endpoint. */
    private String endpoint() {
        if (config.get(Options.ENDPOINT_OVERRIDE) != null) {
            return config.get(Options.ENDPOINT_OVERRIDE).toString();
        }
        for (String variable : new String[] {"AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL"}) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return value + " (" + variable + ")";
            }
        }
        return URI.create("https://sts." + region.id() + "." + region.metadata().partition().dnsSuffix()).toString();
    }

    /**
     * Returns the retry strategy of the first call: like Cove's other calls (throttling, 5xx and broken
     * connections are retried with backoff and jitter), except that a refused connection or an unknown
     * host is reported at once, since the next attempt would meet the same.
     *
     * @return the strategy
     */
    static RetryStrategy retryStrategy() {
        return DefaultRetryStrategy.standardStrategyBuilder()
                .maxAttempts(AwsClients.maxAttempts())
                .circuitBreakerEnabled(false)
                .retryOnException(CallerIdentity::retryable)
                .treatAsThrottling(e -> e instanceof SdkException s && RetryUtils.isThrottlingException(s))
                .build();
    }

    private static boolean retryable(Throwable e) {
        if (!(e instanceof SdkException sdk) || connectFailure(e) != null) {
            return false;
        }
        return RetryUtils.isRetryableException(sdk) || RetryUtils.isThrottlingException(sdk)
                || RetryUtils.isClockSkewException(sdk)
                || sdk instanceof SdkServiceException service && service.statusCode() >= 500
                || causedBy(e, IOException.class) != null;
    }

    private static Throwable connectFailure(Throwable e) {
        Throwable cause = causedBy(e, ConnectException.class);
        if (cause == null) {
            cause = causedBy(e, UnknownHostException.class);
        }
        return cause != null ? cause : causedBy(e, NoRouteToHostException.class);
    }

    private static Throwable causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }
}
