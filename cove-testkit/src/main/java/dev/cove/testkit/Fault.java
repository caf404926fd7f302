package dev.cove.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link FaultProxy} does to a request that a {@link FaultRule} selects.
 *
 * <p>Errors are written in the wire format of the request's protocol: an XML
 * {@code ErrorResponse} for Query services (STS, IAM), a JSON {@code __type} body with an
 * {@code x-amzn-ErrorType} header for JSON 1.1 services (Organizations) and REST-JSON ones
 * (Account Management). Instances are immutable.
 */
public sealed interface Fault permits Faults.Latency, Faults.AwsError, Faults.HttpStatus,
        Faults.Hang, Faults.ResetConnection, Faults.ShortLivedCredentials {

    /**
     * Delays the request by {@code delay} before it goes upstream; the answer is unchanged.
     * Delays of several matching rules add up.
     *
     * @param delay how long to hold the request
     * @return the fault
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    static Fault latency(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, got " + delay);
        }
        return new Faults.Latency(delay);
    }

    /**
     * Answers with an AWS error instead of forwarding.
     *
     * @param status the HTTP status, 400 to 599
     * @param code the error code, e.g. {@code AccessDenied}
     * @param message the error message
     * @return the fault
     * @throws IllegalArgumentException if {@code status} is not an error status or code is blank
     */
    static Fault awsError(int status, String code, String message) {
        return new Faults.AwsError(status, code, code, message);
    }

    /**
     * Answers HTTP 403 {@code AccessDenied} (Query) or {@code AccessDeniedException} (JSON),
     * as STS does when the role's trust policy rejects the caller.
     *
     * @param message the error message
     * @return the fault
     */
    static Fault accessDenied(String message) {
        return new Faults.AwsError(403, "AccessDenied", "AccessDeniedException", message);
    }

    /**
     * Answers HTTP 400 {@code Throttling} / "Rate exceeded", as STS does when throttling.
     *
     * @return the fault
     */
    static Fault throttling() {
        return awsError(400, "Throttling", "Rate exceeded");
    }

    /**
     * Answers HTTP 400 {@code TooManyRequestsException}, as Organizations does when throttling.
     *
     * @return the fault
     */
    static Fault tooManyRequests() {
        return awsError(400, "TooManyRequestsException",
                "AWS Organizations can't complete your request because it has too many requests. Try again later.");
    }

    /**
     * Answers with a bare HTTP status and a plain-text body, as a load balancer in front of
     * AWS would (e.g. 429, 500, 503): the client sees no AWS error code.
     *
     * @param status the HTTP status
     * @return the fault
     * @throws IllegalArgumentException if {@code status} is not 400 to 599
     */
    static Fault http(int status) {
        return new Faults.HttpStatus(status);
    }

    /**
     * Never answers: the connection stays open until the client gives up or the proxy closes.
     * The request is not forwarded.
     *
     * @return the fault
     */
    static Fault hang() {
        return new Faults.Hang();
    }

    /**
     * Resets the connection (TCP RST) without answering, so the client sees a connection
     * reset. The request is not forwarded.
     *
     * @return the fault
     */
    static Fault resetConnection() {
        return new Faults.ResetConnection();
    }

    /**
     * Forwards the request and rewrites the {@code <Expiration>} of a successful AssumeRole
     * answer to now plus {@code lifetime} (ISO-8601 UTC), so clients must refresh soon.
     *
     * @param lifetime how long the rewritten credentials claim to stay valid
     * @return the fault
     * @throws IllegalArgumentException if {@code lifetime} is negative
     */
    static Fault shortLivedCredentials(Duration lifetime) {
        Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.isNegative()) {
            throw new IllegalArgumentException("lifetime must not be negative, got " + lifetime);
        }
        return new Faults.ShortLivedCredentials(lifetime);
    }
}
