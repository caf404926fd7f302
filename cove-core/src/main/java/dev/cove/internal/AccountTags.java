package dev.cove.internal;

import dev.cove.CoveConfigurationException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.organizations.model.Tag;

/**
 * Reads the tags of accounts from Organizations, one paged {@code ListTagsForResource} listing per account, a few
 * accounts at a time; throttled calls are retried by the Organizations client (backoff with jitter):
 * https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListTagsForResource.html (an account's tags are
 * listed by its ID; management account or delegated administrator only).
 */
final class AccountTags {

    /** Organizations allows only a few requests per second per account; more in flight only adds throttling. */
    static final int MAX_CONCURRENT_LISTINGS = 8;

    private AccountTags() {
    }

    /**
     * Reads the tags of the given accounts.
     *
     * @param organizations the run's Organizations client
     * @param accountIds the accounts
     * @param option the option that needs the tags, for messages
     * @return each account's tags by account ID, sorted by key, empty for an account without tags
     * @throws CoveConfigurationException when the caller may not read tags
     */
    static Map<String, Map<String, String>> read(OrganizationsClient organizations, Collection<String> accountIds,
            String option) {
        List<Map<String, String>> tags = Bounded.map(accountIds, MAX_CONCURRENT_LISTINGS, "cove-tags-",
                id -> tagsOf(organizations, id, option));
        Map<String, Map<String, String>> byAccount = new LinkedHashMap<>();
        int i = 0;
        for (String id : accountIds) {
            byAccount.put(id, tags.get(i++));
        }
        return byAccount;
    }

    private static Map<String, String> tagsOf(OrganizationsClient organizations, String accountId, String option) {
        try {
            Map<String, String> tags = new TreeMap<>();
            for (ListTagsForResourceResponse page : organizations.listTagsForResourcePaginator(
                    r -> r.resourceId(accountId))) {
                for (Tag tag : page.tags()) {
                    tags.put(tag.key(), tag.value());
                }
            }
            return tags;
        } catch (AwsServiceException e) {
            if (OrganizationDirectory.isDenied(e)) {
                throw new CoveConfigurationException(option, accountId, "cannot read the tags of account "
                        + accountId + " (" + OrganizationDirectory.describe(e) + "): tag filters need "
                        + "organizations:ListTagsForResource in the organization's management account or a "
                        + "delegated administrator", e);
            }
            throw e;
        }
    }
}
