package dev.cove.internal;

import dev.cove.CoveConfigurationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.Child;
import software.amazon.awssdk.services.organizations.model.ChildType;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.organizations.model.ListChildrenResponse;
import software.amazon.awssdk.services.organizations.model.ListRootsResponse;
import software.amazon.awssdk.services.organizations.model.Root;

/** Reads the organization: every account with its metadata, and the accounts below an OU or root. */
final class OrganizationDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(OrganizationDirectory.class);
    /** Organizations allows only a few requests per second per account; more in flight only adds throttling. */
    private static final int MAX_CONCURRENT_LIST_CHILDREN = 8;

    /**
     * {@code ListAccounts} pages read before the OU tree may be walked instead: with pages of at most 20
     * accounts (https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListAccounts.html, MaxResults
     * "Maximum value of 20") and an empty page allowed among them, an organization still paging after 3 pages
     * has more than about 60 accounts, where the concurrent walk starts paying for its extra requests (one
     * ListRoots and two listings per root and OU); a smaller organization is listed in at most 3 requests.
     */
    static final int SWITCH_AFTER_PAGES = 3;

    private final OrganizationsClient organizations;

    OrganizationDirectory(OrganizationsClient organizations) {
        this.organizations = organizations;
    }

    /**
     * Returns the IDs of the organization's roots (AWS has exactly one per organization), following every
     * page: https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListRoots.html
     *
     * @return the root IDs, or empty when the caller may not list them
     */
    Optional<Set<String>> roots() {
        try {
            Set<String> ids = new LinkedHashSet<>();
            for (ListRootsResponse page : organizations.listRootsPaginator(r -> { })) {
                for (Root root : page.roots()) {
                    ids.add(root.id());
                }
            }
            return Optional.of(ids);
        } catch (AwsServiceException e) {
            if (isDenied(e)) {
                LOG.debug("Cannot list the organization's roots ({})", describe(e));
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Lists every account of the organization and tells {@code onAccount} of each account as soon as its page
     * arrives. The listing starts with the {@code ListAccounts} chain, following every page. When
     * {@code mode} allows the tree and the chain still has a NextToken after {@link #SWITCH_AFTER_PAGES}
     * pages, the rest is listed by walking the OU tree concurrently ({@link OrganizationWalk}); when the walk
     * is denied (ListRoots, or any listing of the tree), the chain goes on from its next page. Either way each
     * account is told once, and the map holds the same accounts with the same fields as the chain alone.
     *
     * @param mode whether the OU tree may be walked
     * @param onAccount called for every account exactly once, never concurrently (under a lock), from the
     *     calling thread or a walk's thread
     * @return accounts by ID in the order they arrived, or empty when the caller may not list the organization
     */
    Optional<Map<String, OrgAccount>> listAccounts(DiscoveryMode mode, Consumer<OrgAccount> onAccount) {
        Map<String, OrgAccount> accounts = new LinkedHashMap<>();
        // A lock rather than synchronized: onAccount may block, and must not pin a walk's virtual thread.
        Lock lock = new ReentrantLock();
        Consumer<Account> deliver = a -> {
            OrgAccount account = new OrgAccount(a.id(), a.arn(), a.email(), a.name(), a.statusAsString(),
                    a.stateAsString());
            lock.lock();
            try {
                if (accounts.putIfAbsent(account.id(), account) == null) {
                    onAccount.accept(account);
                }
            } finally {
                lock.unlock();
            }
        };
        try {
            int pages = 0;
            for (ListAccountsResponse page : organizations.listAccountsPaginator(r -> { })) {
                page.accounts().forEach(deliver);
                pages++;
                if (mode == DiscoveryMode.TREE_WHEN_LARGE && pages == SWITCH_AFTER_PAGES
                        && page.nextToken() != null && !page.nextToken().isEmpty()
                        && new OrganizationWalk(organizations).walk(deliver)) {
                    LOG.debug("Organization lists {} accounts ({} pages, then its OU tree)", accounts.size(), pages);
                    return Optional.of(accounts);
                }
            }
            LOG.debug("Organization lists {} accounts", accounts.size());
            return Optional.of(accounts);
        } catch (AwsServiceException e) {
            if (isDenied(e)) {
                LOG.warn("Cannot list the organization's accounts ({}); running without account metadata",
                        describe(e));
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Returns the IDs of every account below the given OUs or roots, at any depth. Sibling subtrees are
     * walked concurrently, one level at a time.
     *
     * @param parentIds OU or root IDs
     * @param option the option that named them, for messages
     * @return account IDs, without duplicates
     * @throws dev.cove.CoveConfigurationException when the caller may not list the organization's structure,
     *     or a parent does not exist
     */
    Set<String> accountsUnder(Collection<String> parentIds, String option) {
        Set<String> accounts = ConcurrentHashMap.newKeySet();
        List<String> level = new ArrayList<>(parentIds);
        try (ExecutorService executor = Executors.newFixedThreadPool(MAX_CONCURRENT_LIST_CHILDREN,
                Thread.ofVirtual().name("cove-discovery-", 0).factory())) {
            while (!level.isEmpty()) {
                List<Callable<List<String>>> tasks = new ArrayList<>();
                for (String parent : level) {
                    tasks.add(() -> {
                        accounts.addAll(children(parent, ChildType.ACCOUNT, option));
                        return children(parent, ChildType.ORGANIZATIONAL_UNIT, option);
                    });
                }
                List<String> next = new ArrayList<>();
                for (Future<List<String>> f : executor.invokeAll(tasks)) {
                    next.addAll(f.get());
                }
                level = next;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while listing the organization's OUs", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
        return accounts;
    }

    private List<String> children(String parentId, ChildType type, String option) {
        try {
            List<String> ids = new ArrayList<>();
            for (ListChildrenResponse page : organizations.listChildrenPaginator(
                    r -> r.parentId(parentId).childType(type))) {
                for (Child child : page.children()) {
                    ids.add(child.id());
                }
            }
            return ids;
        } catch (AwsServiceException e) {
            if (isDenied(e)) {
                throw new CoveConfigurationException(option, parentId, "cannot list the accounts of " + parentId
                        + " (" + describe(e) + "): OU lookup needs the organization's management account or a "
                        + "delegated administrator; give account IDs instead", e);
            }
            if ("ParentNotFoundException".equals(e.awsErrorDetails().errorCode())) {
                throw new CoveConfigurationException(option, parentId, "no OU or root " + parentId + " in this "
                        + "organization; check the ID with 'aws organizations list-roots' or "
                        + "'list-organizational-units-for-parent'", e);
            }
            throw e;
        }
    }

    static boolean isDenied(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return e.statusCode() == 403 || "AccessDeniedException".equals(code) || "AccessDenied".equals(code)
                || "AWSOrganizationsNotInUseException".equals(code);
    }

    static String describe(AwsServiceException e) {
        return e.awsErrorDetails() == null ? e.getMessage()
                : e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
    }
}
