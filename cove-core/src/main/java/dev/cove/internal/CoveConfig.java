package dev.cove.internal;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * A run's validated, immutable settings. Construction checks every value, so a config that exists is one
 * that can run.
 *
 * @param targetIds account, OU and root IDs to run in; null for every ACTIVE account of the organization
 * @param ignoreIds account, OU and root IDs never to run in
 * @param roleName the role to assume in each account
 * @param roleSessionName the session name for AssumeRole
 * @param policy the session policy, or null
 * @param policyArns managed session policy ARNs, empty when none
 * @param externalId the external ID, or null
 * @param assumingCredentials credentials that assume the roles, or null for the SDK's default chain
 * @param assumingRegion region of the STS and Organizations clients, or null for the default chain
 * @param raiseException whether the first failure ends the run
 * @param threadWorkers the most targets run at once
 * @param regions regions to run in, or null for the assuming region
 * @param partition the partition for role ARNs, or null for the caller's
 * @param endpointOverride an endpoint for every AWS call, or null
 * @param progress whether to draw a progress bar; null to draw one only when stderr is a terminal
 * @param timeout the longest the function may run in one target, or null for no limit
 * @param maxFailures how many targets may fail before no new target starts; -1 for no limit
 * @param apiCallAttemptTimeout the longest one attempt of Cove's own AWS calls may take
 */
public record CoveConfig(
        List<String> targetIds,
        List<String> ignoreIds,
        String roleName,
        String roleSessionName,
        String policy,
        List<String> policyArns,
        String externalId,
        AwsCredentialsProvider assumingCredentials,
        Region assumingRegion,
        boolean raiseException,
        int threadWorkers,
        List<String> regions,
        String partition,
        URI endpointOverride,
        Boolean progress,
        Duration timeout,
        int maxFailures,
        Duration apiCallAttemptTimeout) {

    /** The role botocove and AWS Organizations use by default. */
    public static final String DEFAULT_ROLE_NAME = "OrganizationAccountAccessRole";

    /** botocove's default number of workers. */
    public static final int DEFAULT_THREAD_WORKERS = 20;

    /** How long one attempt of Cove's own AWS calls may take by default. */
    public static final Duration DEFAULT_API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(30);

    /** Validates every value, naming the first bad one. */
    public CoveConfig {
        targetIds = Validation.ids("targetIds", targetIds, false);
        ignoreIds = ignoreIds == null ? List.of() : Validation.ids("ignoreIds", ignoreIds, true);
        roleName = Validation.roleName(roleName);
        roleSessionName = Validation.roleSessionName(
                roleSessionName == null ? Validation.defaultSessionName(roleName) : roleSessionName);
        policy = Validation.policy(policy);
        policyArns = Validation.policyArns(policyArns);
        externalId = Validation.externalId(externalId);
        if (assumingRegion != null) {
            Validation.region(assumingRegion.id(), "assumingRegion");
        }
        Validation.threadWorkers(threadWorkers);
        regions = Validation.regions(regions);
        partition = Validation.partition(partition);
        endpointOverride = Validation.endpoint(endpointOverride);
        timeout = Validation.timeout(timeout);
        Validation.maxFailures(maxFailures);
        if (apiCallAttemptTimeout == null || apiCallAttemptTimeout.isNegative() || apiCallAttemptTimeout.isZero()) {
            throw new IllegalArgumentException("apiCallAttemptTimeout must be positive, got " + apiCallAttemptTimeout);
        }
    }

    /**
     * Returns whether failures beyond {@code count} stop the run from starting targets.
     *
     * @param count failures so far
     * @return true when {@code count} exceeds the tolerance
     */
    public boolean tooManyFailures(int count) {
        return maxFailures >= 0 && count > maxFailures;
    }
}
