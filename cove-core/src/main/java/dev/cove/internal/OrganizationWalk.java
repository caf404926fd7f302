package dev.cove.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.ListAccountsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListRootsResponse;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.Root;

/**
 * Lists every account of the organization by walking its OU tree: {@code ListRoots}, then for the root and
 * every OU, breadth first as they are found, {@code ListOrganizationalUnitsForParent} and
 * {@code ListAccountsForParent}, each followed page by page while a NextToken comes (AWS sends at most 20
 * items a page and may send an empty page with a NextToken: "NextToken is null only when there are no more
 * results", https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListAccountsForParent.html,
 * https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListOrganizationalUnitsForParent.html). The listings of different parents run
 * concurrently, {@link #MAX_IN_FLIGHT} requests at a time on platform threads; each request is retried on
 * throttling by the client's retry strategy ({@link AwsClients#retryStrategy()}).
 */
final class OrganizationWalk {

    /**
     * Organizations requests in flight at once. AWS publishes no request rate for the Organizations List
     * operations; it throttles with TooManyRequestsException ("You have sent too many requests in too short a
     * period of time ... Try again later.", listed among the errors of
     * https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListAccountsForParent.html; quotas: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html), which the
     * SDK's standard retry strategy treats as throttling. 8 is the bound Cove already keeps for ListChildren
     * and ListTagsForResource, so discovery never has more than 8 Organizations requests in flight. At 50 ms a
     * request that is about 160 requests a second: a 5,000-account organization in 40 parents (about 360
     * requests) is walked in about 2.3 s instead of the chain's 12.6 s; more in flight would mostly buy
     * throttling.
     */
    static final int MAX_IN_FLIGHT = 8;

    private static final Logger LOG = LoggerFactory.getLogger(OrganizationWalk.class);

    private final OrganizationsClient organizations;

    OrganizationWalk(OrganizationsClient organizations) {
        this.organizations = organizations;
    }

    /**
     * Walks the tree, telling {@code onAccount} of every account as its page arrives. {@code onAccount} is
     * called from several threads at once and must be thread-safe.
     *
     * @param onAccount told of each account listed
     * @return true when the whole tree was listed; false when a listing was denied (the caller may not list
     *     the tree): then some accounts may have been told already, and the walk has stopped
     * @throws AwsServiceException the first other service error, once every listing has stopped
     * @throws IllegalStateException when interrupted (with the thread's interrupt flag set again)
     */
    boolean walk(Consumer<Account> onAccount) {
        List<String> roots = new ArrayList<>();
        try {
            for (ListRootsResponse page : organizations.listRootsPaginator(r -> { })) {
                page.roots().stream().map(Root::id).forEach(roots::add);
            }
        } catch (AwsServiceException e) {
            if (OrganizationDirectory.isDenied(e)) {
                LOG.debug("Cannot list the organization's roots ({}); listing its accounts page by page",
                        OrganizationDirectory.describe(e));
                return false;
            }
            throw e;
        }
        // Platform threads: the walk runs beside the run's targets, and on virtual threads its requests would
        // queue for a carrier behind every busy target.
        try (ExecutorService executor = Executors.newFixedThreadPool(MAX_IN_FLIGHT,
                Thread.ofPlatform().name("cove-org-walk-", 0).daemon(true).factory())) {
            Listings listings = new Listings(executor, onAccount);
            roots.forEach(listings::parent);
            try {
                listings.await();
                return true;
            } catch (ExecutionException e) {
                executor.shutdownNow();
                if (e.getCause() instanceof Denied denied) {
                    LOG.debug("Cannot walk the organization's OU tree ({}); listing its accounts page by page",
                            OrganizationDirectory.describe(denied.error));
                    return false;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while listing the organization's OU tree", e);
            }
        }
    }

    /** The listings of one walk, and when they are all done or the first has failed. */
    private final class Listings {

        private final ExecutorService executor;
        private final Consumer<Account> onAccount;
        /** Listings submitted and not finished, plus one held by the caller until the roots are submitted. */
        private final AtomicInteger pending = new AtomicInteger(1);
        private final CompletableFuture<Void> finished = new CompletableFuture<>();

        Listings(ExecutorService executor, Consumer<Account> onAccount) {
            this.executor = executor;
            this.onAccount = onAccount;
        }

        void parent(String id) {
            submit(() -> organizationalUnits(id));
            submit(() -> accounts(id));
        }

        void await() throws ExecutionException, InterruptedException {
            done();
            finished.get();
        }

        private void submit(Runnable listing) {
            if (finished.isDone()) {
                return;
            }
            pending.incrementAndGet();
            try {
                executor.execute(() -> {
                    try {
                        if (!finished.isDone()) {
                            listing.run();
                        }
                    } catch (AwsServiceException e) {
                        finished.completeExceptionally(OrganizationDirectory.isDenied(e) ? new Denied(e) : e);
                    } catch (RuntimeException | Error e) {
                        finished.completeExceptionally(e);
                    } finally {
                        done();
                    }
                });
            } catch (RejectedExecutionException e) {
                // the walk has failed and its executor is shutting down
                done();
            }
        }

        private void done() {
            if (pending.decrementAndGet() == 0) {
                finished.complete(null);
            }
        }

        private void organizationalUnits(String parent) {
            for (ListOrganizationalUnitsForParentResponse page : organizations
                    .listOrganizationalUnitsForParentPaginator(r -> r.parentId(parent))) {
                if (finished.isDone()) {
                    return;
                }
                page.organizationalUnits().stream().map(OrganizationalUnit::id).forEach(this::parent);
            }
        }

        private void accounts(String parent) {
            for (ListAccountsForParentResponse page : organizations
                    .listAccountsForParentPaginator(r -> r.parentId(parent))) {
                if (finished.isDone()) {
                    return;
                }
                page.accounts().forEach(onAccount);
            }
        }
    }

    /** A listing of the walk was denied. */
    private static final class Denied extends RuntimeException {

        private static final long serialVersionUID = 1L;

        @SuppressWarnings("serial")
        private final AwsServiceException error;

        Denied(AwsServiceException error) {
            super(error);
            this.error = error;
        }
    }
}
