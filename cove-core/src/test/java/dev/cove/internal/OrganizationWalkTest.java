package dev.cove.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.ListAccountsForParentRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListAccountsRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentRequest;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListRootsRequest;
import software.amazon.awssdk.services.organizations.model.ListRootsResponse;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.Root;

/**
 * The OU-tree walk against an in-memory organization (a root, 5 OUs below it, 5 below each of those, 10
 * accounts in every parent: 310 accounts), whose every answer takes a few milliseconds.
 */
class OrganizationWalkTest {

    private static final String ROOT = "r-test";

    @Test
    void listAccounts_walksTheTreeAfterThreePages_tellingEveryAccountOnceAndNeverConcurrently() {
        FakeOrganizations fake = new FakeOrganizations();
        Map<String, OrgAccount> chain = new OrganizationDirectory(new FakeOrganizations())
                .listAccounts(DiscoveryMode.CHAIN, a -> { }).orElseThrow();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        Map<String, Integer> told = new ConcurrentHashMap<>();

        Map<String, OrgAccount> walked = new OrganizationDirectory(fake).listAccounts(DiscoveryMode.TREE_WHEN_LARGE,
                account -> {
                    if (inside.incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    told.merge(account.id(), 1, Integer::sum);
                    Thread.onSpinWait();
                    inside.decrementAndGet();
                }).orElseThrow();

        assertThat(chain).hasSize(310);
        assertThat(walked).isEqualTo(chain);
        assertThat(told).hasSize(310).allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1));
        assertThat(overlaps).as("onAccount never runs concurrently").hasValue(0);
        assertThat(fake.calls("ListAccounts")).isEqualTo(OrganizationDirectory.SWITCH_AFTER_PAGES);
        assertThat(fake.calls("ListAccountsForParent")).as("31 parents, 3 pages each").isEqualTo(93);
        assertThat(fake.calls("ListOrganizationalUnitsForParent")).as("6 parents of 5 OUs in 2 pages, 25 of none")
                .isEqualTo(37);
        assertThat(fake.peakInFlight.get()).as("concurrent, and bounded").isGreaterThan(1)
                .isLessThanOrEqualTo(OrganizationWalk.MAX_IN_FLIGHT);
    }

    @Test
    void listAccounts_whenTheTreeIsDeniedMidWalk_goesOnWithTheChainAndTellsEveryAccountOnce() {
        FakeOrganizations fake = new FakeOrganizations();
        fake.failOn.put("ListOrganizationalUnitsForParent/ou-1", error(403, "AccessDeniedException"));
        Map<String, Integer> told = new ConcurrentHashMap<>();

        Optional<Map<String, OrgAccount>> walked = new OrganizationDirectory(fake)
                .listAccounts(DiscoveryMode.TREE_WHEN_LARGE, account -> told.merge(account.id(), 1, Integer::sum));

        assertThat(walked.orElseThrow()).hasSize(310);
        assertThat(told).hasSize(310).allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1));
        assertThat(fake.calls("ListAccounts")).as("every page of the chain").isEqualTo(16);
        assertThat(fake.inFlight.get()).isZero();
    }

    @Test
    void walk_whenAListingFails_throwsItOnceNoListingIsRunning() {
        FakeOrganizations fake = new FakeOrganizations();
        AwsServiceException failure = error(400, "ConstraintViolationException");
        fake.failOn.put("ListAccountsForParent/ou-3", failure);

        assertThatThrownBy(() -> new OrganizationWalk(fake).walk(a -> { })).isSameAs(failure);
        assertThat(fake.inFlight.get()).as("no listing still running").isZero();
    }

    @Test
    void walk_whenInterrupted_throwsIllegalStateExceptionKeepingTheInterruptAndStopsEveryListing()
            throws InterruptedException {
        FakeOrganizations fake = new FakeOrganizations();
        fake.blockOn = "ListAccountsForParent/ou-2";
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> interrupted = new AtomicReference<>();
        Thread caller = Thread.ofPlatform().start(() -> {
            try {
                new OrganizationWalk(fake).walk(a -> { });
            } catch (RuntimeException e) {
                thrown.set(e);
            }
            interrupted.set(Thread.currentThread().isInterrupted());
        });
        assertThat(fake.blocked.await(10, TimeUnit.SECONDS)).isTrue();

        caller.interrupt();
        caller.join(10_000);

        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(IllegalStateException.class)
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(interrupted.get()).as("the interrupt is kept").isTrue();
        assertThat(fake.inFlight.get()).as("the blocked listing was stopped too").isZero();
    }

    private static AwsServiceException error(int status, String code) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("test").build()).build();
    }

    /**
     * An organization in memory: ListAccounts pages of 20, ListAccountsForParent pages of 4 and
     * ListOrganizationalUnitsForParent pages of 3, each answer after 2 ms.
     */
    private static final class FakeOrganizations implements OrganizationsClient {

        private final Map<String, List<String>> ous = new ConcurrentHashMap<>();
        private final Map<String, List<String>> accounts = new ConcurrentHashMap<>();
        private final List<String> allAccounts = new ArrayList<>();
        private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final Map<String, AwsServiceException> failOn = new ConcurrentHashMap<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger peakInFlight = new AtomicInteger();
        final CountDownLatch blocked = new CountDownLatch(1);
        volatile String blockOn;

        FakeOrganizations() {
            List<String> parents = new ArrayList<>(List.of(ROOT));
            int next = 1;
            for (int i = 0; i < parents.size(); i++) {
                String parent = parents.get(i);
                List<String> children = new ArrayList<>();
                if (i < 6) {
                    for (int c = 0; c < 5; c++) {
                        children.add("ou-" + next++);
                    }
                }
                ous.put(parent, children);
                parents.addAll(children);
                List<String> own = new ArrayList<>();
                for (int a = 0; a < 10; a++) {
                    String id = String.format("%012d", 100_000_000_000L + allAccounts.size());
                    own.add(id);
                    allAccounts.add(id);
                }
                accounts.put(parent, own);
            }
        }

        int calls(String action) {
            AtomicInteger n = calls.get(action);
            return n == null ? 0 : n.get();
        }

        private void enter(String action, String parent) {
            calls.computeIfAbsent(action, a -> new AtomicInteger()).incrementAndGet();
            peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                String key = action + "/" + parent;
                if (key.equals(blockOn)) {
                    blocked.countDown();
                    Thread.sleep(60_000);
                }
                Thread.sleep(2);
                AwsServiceException failure = failOn.get(key);
                if (failure != null) {
                    throw failure;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } finally {
                inFlight.decrementAndGet();
            }
        }

        private static int from(String token) {
            return token == null ? 0 : Integer.parseInt(token);
        }

        private static String next(int to, int total) {
            return to < total ? Integer.toString(to) : null;
        }

        private static Account account(String id) {
            return Account.builder().id(id).arn("arn:aws:organizations::111111111111:account/o-test/" + id)
                    .email(id + "@example.com").name("acct-" + id).state("ACTIVE").build();
        }

        @Override
        public ListRootsResponse listRoots(ListRootsRequest request) {
            enter("ListRoots", "");
            return ListRootsResponse.builder().roots(Root.builder().id(ROOT).build()).build();
        }

        @Override
        public ListAccountsResponse listAccounts(ListAccountsRequest request) {
            enter("ListAccounts", "");
            int from = from(request.nextToken());
            int to = Math.min(allAccounts.size(), from + 20);
            return ListAccountsResponse.builder()
                    .accounts(allAccounts.subList(from, to).stream().map(FakeOrganizations::account).toList())
                    .nextToken(next(to, allAccounts.size())).build();
        }

        @Override
        public ListAccountsForParentResponse listAccountsForParent(ListAccountsForParentRequest request) {
            enter("ListAccountsForParent", request.parentId());
            List<String> own = accounts.get(request.parentId());
            int from = from(request.nextToken());
            int to = Math.min(own.size(), from + 4);
            return ListAccountsForParentResponse.builder()
                    .accounts(own.subList(from, to).stream().map(FakeOrganizations::account).toList())
                    .nextToken(next(to, own.size())).build();
        }

        @Override
        public ListOrganizationalUnitsForParentResponse listOrganizationalUnitsForParent(
                ListOrganizationalUnitsForParentRequest request) {
            enter("ListOrganizationalUnitsForParent", request.parentId());
            List<String> children = ous.get(request.parentId());
            int from = from(request.nextToken());
            int to = Math.min(children.size(), from + 3);
            return ListOrganizationalUnitsForParentResponse.builder()
                    .organizationalUnits(children.subList(from, to).stream()
                            .map(id -> OrganizationalUnit.builder().id(id).name(id).build()).toList())
                    .nextToken(next(to, children.size())).build();
        }

        @Override
        public String serviceName() {
            return "organizations";
        }

        @Override
        public void close() {
        }
    }
}
