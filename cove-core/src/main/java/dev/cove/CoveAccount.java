package dev.cove;

import java.util.Map;

/**
 * An account as an {@link Cove.Builder#accountFilter accountFilter} sees it: its organization metadata, its OU
 * path and its tags. Cove reads the OU paths and the tags for such a filter, so both are set whenever the
 * organization can be listed.
 *
 * @param id the 12-digit account ID
 * @param arn the account's ARN, or null when the organization could not be listed
 * @param email the account's e-mail, or null when the organization could not be listed (a targets file may give
 *     it)
 * @param name the account's name, or null when the organization could not be listed (a targets file may give
 *     it)
 * @param status the account's retired {@code Status}, or null (AWS no longer sends it)
 * @param state the account's {@code State}, e.g. {@code ACTIVE}, or null when the organization could not be
 *     listed
 * @param ouPath the path of the account's OU from the root, e.g. {@code /Prod/Web}, {@code /} directly below the
 *     root; null when the organization could not be listed
 * @param tags the account's tags, sorted by key (empty when it has none); null when the organization could not
 *     be listed
 */
public record CoveAccount(String id, String arn, String email, String name, String status, String state,
        String ouPath, Map<String, String> tags) {

    /** Copies {@code tags} so the record stays immutable. */
    public CoveAccount {
        tags = TagMaps.copy(tags);
    }
}
