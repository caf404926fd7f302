package dev.cove;

import java.util.List;
import java.util.Map;

/**
 * What Cove knows of one target: the account's organization metadata and the parameters its role was
 * assumed with. Holds no secrets.
 *
 * <p>The calling account, which runs only with {@code includeHostAccount(true)}, has no role: its
 * {@code roleName} is null (so are the other {@code sts:AssumeRole} parameters), which is how it is told apart.
 *
 * @param id the 12-digit account ID
 * @param arn the account's ARN in the organization, or null when the organization could not be listed
 * @param email the account's e-mail, or null when the organization could not be listed
 * @param name the account's name, or null when the organization could not be listed
 * @param status the account's retired {@code Status} as AWS sent it, or null: AWS no longer sends it
 *     (since 2026-09-09), and nothing is known when the organization could not be listed
 * @param state the account's {@code State} ({@code ACTIVE}, {@code SUSPENDED}, ...) as AWS sent it, or
 *     null when the organization could not be listed
 * @param roleName the name of the role assumed in the account; null for the calling account itself
 *     ({@code includeHostAccount(true)}), which runs with the calling credentials and assumes no role
 * @param roleSessionName the role session name passed to {@code sts:AssumeRole}; null for the calling account
 * @param policy the session policy passed to {@code sts:AssumeRole}, or null (always for the calling account)
 * @param policyArns the managed session policy ARNs passed to {@code sts:AssumeRole}, empty when none (always
 *     for the calling account)
 * @param externalId the external ID passed to {@code sts:AssumeRole}, or null (always for the calling account)
 * @param region the target region
 * @param partition the partition the role ARN was built in (e.g. {@code aws})
 * @param assumeRoleSuccess whether the role was assumed (for the calling account: whether its credentials were
 *     at hand, which they always are)
 * @param ouPath the path of the account's OU from the root, e.g. {@code /Prod/Web}; null unless the selection
 *     read the OU paths (see {@link CoveTarget#ouPath()})
 * @param tags the account's tags, sorted by key; null unless the selection read them (see
 *     {@link CoveTarget#tags()})
 */
public record SessionInformation(
        String id,
        String arn,
        String email,
        String name,
        String status,
        String state,
        String roleName,
        String roleSessionName,
        String policy,
        List<String> policyArns,
        String externalId,
        String region,
        String partition,
        boolean assumeRoleSuccess,
        String ouPath,
        Map<String, String> tags) {

    /** Copies {@code policyArns} and {@code tags} so the record stays immutable. */
    public SessionInformation {
        policyArns = policyArns == null ? List.of() : List.copyOf(policyArns);
        tags = TagMaps.copy(tags);
    }

    /**
     * Returns whether this target is the calling account itself, run with the calling credentials because
     * {@code includeHostAccount(true)} was set.
     *
     * @return true when no role was assumed because none is needed ({@code roleName} is null)
     */
    public boolean callingAccount() {
        return roleName == null;
    }

    /**
     * Returns a copy of this information with {@code assumeRoleSuccess} set as given.
     *
     * @param success whether the role was assumed
     * @return the copy
     */
    public SessionInformation withAssumeRoleSuccess(boolean success) {
        return new SessionInformation(id, arn, email, name, status, state, roleName, roleSessionName, policy,
                policyArns, externalId, region, partition, success, ouPath, tags);
    }
}
