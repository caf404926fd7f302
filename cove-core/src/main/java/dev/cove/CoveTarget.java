package dev.cove;

/**
 * One account × region that a run visits, with the account's organization metadata (null when the
 * organization could not be listed).
 *
 * @param id the 12-digit account ID
 * @param region the region name
 * @param arn the account's ARN, or null
 * @param email the account's e-mail, or null
 * @param name the account's name, or null
 * @param status the account's retired {@code Status} as AWS sent it, or null (AWS no longer sends it)
 * @param state the account's {@code State} (e.g. {@code ACTIVE}) as AWS sent it, or null
 */
public record CoveTarget(String id, String region, String arn, String email, String name, String status,
        String state) {
}
