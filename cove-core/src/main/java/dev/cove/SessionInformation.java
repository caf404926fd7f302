package dev.cove;

import java.util.List;

/**
 * What Cove knows of one target: the account's organization metadata and the parameters its role was
 * assumed with. Holds no secrets.
 *
 * @param id the 12-digit account ID
 * @param arn the account's ARN in the organization, or null when the organization could not be listed
 * @param email the account's e-mail, or null when the organization could not be listed
 * @param name the account's name, or null when the organization could not be listed
 * @param status the account's retired {@code Status} as AWS sent it, or null: AWS no longer sends it
 *     (since 2026-09-09), and nothing is known when the organization could not be listed
 * @param state the account's {@code State} ({@code ACTIVE}, {@code SUSPENDED}, ...) as AWS sent it, or
 *     null when the organization could not be listed
 * @param roleName the name of the role assumed in the account
 * @param roleSessionName the role session name passed to {@code sts:AssumeRole}
 * @param policy the session policy passed to {@code sts:AssumeRole}, or null
 * @param policyArns the managed session policy ARNs passed to {@code sts:AssumeRole}, empty when none
 * @param externalId the external ID passed to {@code sts:AssumeRole}, or null
 * @param region the target region
 * @param partition the partition the role ARN was built in (e.g. {@code aws})
 * @param assumeRoleSuccess whether the role was assumed
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
        boolean assumeRoleSuccess) {

    /** Copies {@code policyArns} so the record stays immutable. */
    public SessionInformation {
        policyArns = policyArns == null ? List.of() : List.copyOf(policyArns);
    }

    /**
     * Returns a copy of this information with {@code assumeRoleSuccess} set as given.
     *
     * @param success whether the role was assumed
     * @return the copy
     */
    public SessionInformation withAssumeRoleSuccess(boolean success) {
        return new SessionInformation(id, arn, email, name, status, state, roleName, roleSessionName, policy,
                policyArns, externalId, region, partition, success);
    }
}
