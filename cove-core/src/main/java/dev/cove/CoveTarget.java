package dev.cove;

import java.util.Map;

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
 * @param ouPath the path of the account's OU from the root, e.g. {@code /Prod/Web} ({@code /} for an account
 *     directly below the root); null unless the selection read the OU paths (an {@code ou} filter or an
 *     {@code accountFilter})
 * @param tags the account's tags, sorted by key; null unless the selection read them (a {@code tag:} filter or
 *     an {@code accountFilter}), empty when the account has none
 */
public record CoveTarget(String id, String region, String arn, String email, String name, String status,
        String state, String ouPath, Map<String, String> tags) {

    /** Copies {@code tags} so the record stays immutable. */
    public CoveTarget {
        tags = TagMaps.copy(tags);
    }
}
