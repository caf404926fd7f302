package dev.cove.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountState;
import software.amazon.awssdk.services.organizations.model.AccountStatus;
import software.amazon.awssdk.services.organizations.model.Child;
import software.amazon.awssdk.services.organizations.model.ChildType;
import software.amazon.awssdk.services.organizations.model.InvalidInputException;
import software.amazon.awssdk.services.organizations.model.InvalidInputExceptionReason;
import software.amazon.awssdk.services.organizations.model.ListAccountsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.organizations.model.ListChildrenResponse;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListRootsResponse;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.ParentNotFoundException;
import software.amazon.awssdk.services.organizations.model.Root;
import software.amazon.awssdk.services.organizations.model.TooManyRequestsException;

/**
 * The AWS-today shape of {@link FaultProxy}: what moto answers, rewritten to what the AWS
 * Organizations API reference says AWS answers since the account {@code Status} field was retired.
 */
class AwsTodayProxyTest {

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    /** Members directly under the root; with {@code big}'s, {@code small}'s and the management account 46 accounts. */
    private static final int ROOT_MEMBERS = 19;
    private static final int BIG_OU_MEMBERS = 25;
    private static final int EMPTY_TOP_LEVEL_OUS = 20;

    private FaultProxy proxy;

    @BeforeEach
    void startProxy() {
        proxy = FaultProxy.builder(MOTO.endpoint()).awsToday(true).start();
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    /**
     * 45 members and the management account: 19 under the root, 25 in {@code big}, 1 in
     * {@code small} (which holds OUs {@code small/a} and {@code small/b}); the root holds 22 OUs.
     */
    private static OrgFixture organization() {
        OrganizationBuilder builder = OrganizationBuilder.on(MOTO.endpoint())
                .accounts(ROOT_MEMBERS)
                .ou("big", big -> big.accounts(BIG_OU_MEMBERS))
                .ou("small", small -> small.accounts(1).ou("a").ou("b"));
        IntStream.rangeClosed(1, EMPTY_TOP_LEVEL_OUS).forEach(i -> builder.ou(String.format("ou%02d", i)));
        OrgFixture org = builder.build();
        assertThat(org.allAccountIds()).hasSize(46);
        return org;
    }

    @Test
    void listAccounts_awsToday_pagesAtMost20AndDropsStatus() {
        OrgFixture org = organization();
        List<Account> motoListing;
        try (OrganizationsClient direct = NoRetryClients.organizations(MOTO.endpoint())) {
            motoListing = direct.listAccounts().accounts();
        }

        List<ListAccountsResponse> pages;
        try (OrganizationsClient organizations = NoRetryClients.organizations(proxy.endpoint())) {
            pages = pages(token -> organizations.listAccounts(r -> r.nextToken(token)), ListAccountsResponse::nextToken);
        }

        assertThat(sizes(pages, page -> page.accounts().size())).as("page sizes").containsExactly(20, 0, 20, 6);
        assertThat(pages).allSatisfy(page -> assertThat(page.accounts()).hasSizeLessThanOrEqualTo(20));
        assertThat(pages).filteredOn(page -> page.accounts().isEmpty())
                .singleElement().satisfies(page -> assertThat(page.nextToken()).isNotBlank());
        List<Account> listed = pages.stream().flatMap(page -> page.accounts().stream()).toList();
        assertThat(listed).extracting(Account::id)
                .doesNotHaveDuplicates()
                .containsExactlyElementsOf(motoListing.stream().map(Account::id).toList())
                .containsExactlyInAnyOrderElementsOf(org.allAccountIds());
        assertThat(listed).allSatisfy(account -> {
            assertThat(account.status()).as("Status of %s", account.id()).isNull();
            assertThat(account.statusAsString()).isNull();
            assertThat(account.state()).as("State of %s", account.id()).isEqualTo(AccountState.ACTIVE);
        });
        Map<String, Account> byId = motoListing.stream().collect(Collectors.toMap(Account::id, Function.identity()));
        assertThat(listed).allSatisfy(account -> {
            Account moto = byId.get(account.id());
            assertThat(account.toBuilder().status((String) null).build())
                    .as("everything but Status as moto sent it").isEqualTo(moto.toBuilder().status((String) null).build());
            assertThat(account.joinedTimestamp()).isEqualTo(moto.joinedTimestamp());
        });
        assertThat(proxy.requests("ListAccounts")).as("what the client sent, not the fetches from moto")
                .hasSameSizeAs(pages)
                .extracting(request -> request.param("NextToken"))
                .containsExactlyElementsOf(tokensSent(pages, ListAccountsResponse::nextToken));
    }

    @Test
    void listAccounts_awsToday_sdkPaginatorListsEveryAccountOnce() {
        OrgFixture org = organization();

        try (OrganizationsClient organizations = NoRetryClients.organizations(proxy.endpoint())) {
            List<Account> listed = organizations.listAccountsPaginator().stream()
                    .flatMap(page -> page.accounts().stream()).toList();

            assertThat(listed).extracting(Account::id).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(org.allAccountIds());
            assertThat(listed).extracting(Account::state).containsOnly(AccountState.ACTIVE);
            assertThat(listed).extracting(Account::status).containsOnlyNulls();
        }
        assertThat(proxy.count("ListAccounts")).isEqualTo(4);
    }

    @Test
    void listAccounts_awsToday_maxResults5_pagesBy5() {
        OrgFixture org = organization();

        List<ListAccountsResponse> pages;
        try (OrganizationsClient organizations = NoRetryClients.organizations(proxy.endpoint())) {
            pages = pages(token -> organizations.listAccounts(r -> r.maxResults(5).nextToken(token)),
                    ListAccountsResponse::nextToken);
        }

        List<Integer> expected = new ArrayList<>(List.of(5, 0));
        expected.addAll(List.of(5, 5, 5, 5, 5, 5, 5, 5));
        expected.add(1);
        assertThat(sizes(pages, page -> page.accounts().size())).containsExactlyElementsOf(expected);
        assertThat(pages.stream().flatMap(page -> page.accounts().stream()).map(Account::id).toList())
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(org.allAccountIds());
    }

    @Test
    void listAccounts_awsToday_maxResultsAbove20_isRefusedWithInvalidInput() {
        organization();

        try (OrganizationsClient organizations = NoRetryClients.organizations(proxy.endpoint())) {
            assertThatExceptionOfType(InvalidInputException.class)
                    .isThrownBy(() -> organizations.listAccounts(r -> r.maxResults(21)))
                    .satisfies(e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInputException");
                        assertThat(e.reason()).isEqualTo(InvalidInputExceptionReason.MAX_VALUE_EXCEEDED);
                        assertThat(e.awsErrorDetails().errorMessage()).contains("MaxResults 21");
                    });
            assertThatExceptionOfType(InvalidInputException.class)
                    .isThrownBy(() -> organizations.listChildren(r -> r.parentId("r-none").childType(ChildType.ACCOUNT)
                            .maxResults(100)))
                    .satisfies(e -> assertThat(e.reason()).isEqualTo(InvalidInputExceptionReason.MAX_VALUE_EXCEEDED));
            assertThatExceptionOfType(InvalidInputException.class)
                    .isThrownBy(() -> organizations.listRoots(r -> r.maxResults(0)))
                    .satisfies(e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.reason()).isEqualTo(InvalidInputExceptionReason.MIN_VALUE_EXCEEDED);
                    });
            assertThat(organizations.listAccounts(r -> r.maxResults(20)).accounts()).hasSize(20);
        }
    }

    @Test
    void listAccounts_awsToday_unknownNextToken_isRefusedAsAnInvalidPaginationToken() {
        organization();

        try (OrganizationsClient organizations = NoRetryClients.organizations(proxy.endpoint())) {
            assertThatExceptionOfType(InvalidInputException.class)
                    .isThrownBy(() -> organizations.listAccounts(r -> r.nextToken("not-a-token")))
                    .satisfies(e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInputException");
                        assertThat(e.reasonAsString()).isEqualTo("INVALID_PAGINATION_TOKEN");
                        assertThat(e.reason()).as("the SDK's Reason enum calls it INVALID_NEXT_TOKEN")
                                .isEqualTo(InvalidInputExceptionReason.UNKNOWN_TO_SDK_VERSION);
                    });

            String accountsToken = organizations.listAccounts().nextToken();
            assertThat(accountsToken).isNotBlank();
            assertThatExceptionOfType(InvalidInputException.class).as("a ListAccounts token on ListRoots")
                    .isThrownBy(() -> organizations.listRoots(r -> r.nextToken(accountsToken)))
                    .satisfies(e -> assertThat(e.reasonAsString()).isEqualTo("INVALID_PAGINATION_TOKEN"));
            assertThat(organizations.listAccounts(r -> r.nextToken(accountsToken)).accounts())
                    .as("the token still works where it belongs, and may be sent again").isEmpty();
            assertThat(organizations.listAccounts(r -> r.nextToken(accountsToken)).nextToken()).isNotBlank();
        }
    }

    @Test
    void listAccounts_awsToday_tokensOfTwoListingsNeverCollide() {
        organization();

        try (OrganizationsClient organizations = NoRetryClients.organizations(proxy.endpoint())) {
            ListAccountsResponse first = organizations.listAccounts();
            ListAccountsResponse second = organizations.listAccounts();

            assertThat(first.nextToken()).isNotEqualTo(second.nextToken());
            assertThat(first.accounts()).isEqualTo(second.accounts());
        }
    }

    @Test
    void listAccountsForParent_awsToday_pagesAnOuOfMoreThan20() {
        OrgFixture org = organization();

        List<ListAccountsForParentResponse> pages;
        try (OrganizationsClient organizations = NoRetryClients.organizations(proxy.endpoint())) {
            pages = pages(token -> organizations.listAccountsForParent(r -> r.parentId(org.ouId("big")).nextToken(token)),
                    ListAccountsForParentResponse::nextToken);
        }

        assertThat(sizes(pages, page -> page.accounts().size())).containsExactly(20, 0, 5);
        List<Account> listed = pages.stream().flatMap(page -> page.accounts().stream()).toList();
        assertThat(listed).extracting(Account::id).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(org.memberIdsUnder("big"));
        assertThat(listed).extracting(Account::status).containsOnlyNulls();
        assertThat(listed).extracting(Account::state).containsOnly(AccountState.ACTIVE);
    }

    @Test
    void listAccountsForParent_awsToday_smallOu_firstPageIsEmptyWithANextToken() {
        OrgFixture org = organization();

        List<ListAccountsForParentResponse> pages;
        try (OrganizationsClient organizations = NoRetryClients.organizations(proxy.endpoint())) {
            pages = pages(token -> organizations.listAccountsForParent(r -> r.parentId(org.ouId("small")).nextToken(token)),
                    ListAccountsForParentResponse::nextToken);
        }

        assertThat(sizes(pages, page -> page.accounts().size())).containsExactly(0, 1);
        assertThat(pages.getFirst().nextToken()).isNotBlank();
        assertThat(pages.getLast().accounts()).extracting(Account::id).containsExactlyElementsOf(org.memberIdsUnder("small"));
    }

    @Test
    void listChildren_awsToday_pagesAccountsAndOusAtMost20() {
        OrgFixture org = organization();

        try (OrganizationsClient organizations = NoRetryClients.organizations(proxy.endpoint())) {
            List<ListChildrenResponse> accounts = pages(token -> organizations.listChildren(
                    r -> r.parentId(org.ouId("big")).childType(ChildType.ACCOUNT).nextToken(token)),
                    ListChildrenResponse::nextToken);
            List<ListChildrenResponse> ous = pages(token -> organizations.listChildren(
                    r -> r.parentId(org.rootId()).childType(ChildType.ORGANIZATIONAL_UNIT).nextToken(token)),
                    ListChildrenResponse::nextToken);
            List<ListChildrenResponse> few = pages(token -> organizations.listChildren(
                    r -> r.parentId(org.ouId("small")).childType(ChildType.ORGANIZATIONAL_UNIT).nextToken(token)),
                    ListChildrenResponse::nextToken);

            assertThat(sizes(accounts, page -> page.children().size())).containsExactly(20, 0, 5);
            assertThat(children(accounts)).extracting(Child::id).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(org.memberIdsUnder("big"));
            assertThat(sizes(ous, page -> page.children().size())).containsExactly(20, 0, 2);
            assertThat(children(ous)).extracting(Child::id).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(org.units().stream().filter(unit -> unit.depth() == 1)
                            .map(OrgUnit::id).toList());
            assertThat(sizes(few, page -> page.children().size())).containsExactly(0, 2);
            assertThat(children(few)).extracting(Child::id)
                    .containsExactlyInAnyOrder(org.ouId("small/a"), org.ouId("small/b"));
        }
    }

    @Test
    void listOrganizationalUnitsForParent_awsToday_pagesAtMost20() {
        OrgFixture org = organization();

        try (OrganizationsClient organizations = NoRetryClients.organizations(proxy.endpoint())) {
            List<ListOrganizationalUnitsForParentResponse> top = pages(token -> organizations
                    .listOrganizationalUnitsForParent(r -> r.parentId(org.rootId()).nextToken(token)),
                    ListOrganizationalUnitsForParentResponse::nextToken);
            List<ListOrganizationalUnitsForParentResponse> few = pages(token -> organizations
                    .listOrganizationalUnitsForParent(r -> r.parentId(org.ouId("small")).nextToken(token)),
                    ListOrganizationalUnitsForParentResponse::nextToken);

            assertThat(sizes(top, page -> page.organizationalUnits().size())).containsExactly(20, 0, 2);
            assertThat(top.stream().flatMap(page -> page.organizationalUnits().stream()).map(OrganizationalUnit::id)
                    .toList()).doesNotHaveDuplicates().hasSize(EMPTY_TOP_LEVEL_OUS + 2)
                    .contains(org.ouId("big"), org.ouId("small"));
            assertThat(sizes(few, page -> page.organizationalUnits().size())).containsExactly(0, 2);
            assertThat(few.getLast().organizationalUnits()).extracting(OrganizationalUnit::name)
                    .containsExactlyInAnyOrder("a", "b");
        }
    }

    @Test
    void listRoots_awsToday_firstPageIsEmptyWithANextToken() {
        OrgFixture org = organization();

        try (OrganizationsClient organizations = NoRetryClients.organizations(proxy.endpoint())) {
            List<ListRootsResponse> pages = pages(token -> organizations.listRoots(r -> r.nextToken(token)),
                    ListRootsResponse::nextToken);

            assertThat(sizes(pages, page -> page.roots().size())).containsExactly(0, 1);
            assertThat(pages.getLast().roots()).extracting(Root::id).containsExactly(org.rootId());
        }
    }

    @Test
    void listChildren_awsToday_unknownParent_passesMotosErrorThrough() {
        organization();

        try (OrganizationsClient organizations = NoRetryClients.organizations(proxy.endpoint())) {
            assertThatExceptionOfType(ParentNotFoundException.class)
                    .isThrownBy(() -> organizations.listChildren(
                            r -> r.parentId("ou-none-00000000").childType(ChildType.ACCOUNT)));
        }
    }

    @Test
    void describeAccount_awsToday_hasStateAndNoStatus() {
        OrgFixture org = organization();
        String accountId = org.memberIds().getFirst();

        try (OrganizationsClient organizations = NoRetryClients.organizations(proxy.endpoint());
                OrganizationsClient direct = NoRetryClients.organizations(MOTO.endpoint())) {
            Account described = organizations.describeAccount(r -> r.accountId(accountId)).account();
            Account motos = direct.describeAccount(r -> r.accountId(accountId)).account();

            assertThat(described.status()).isNull();
            assertThat(described.state()).isEqualTo(AccountState.ACTIVE);
            assertThat(described.toBuilder().status((String) null).build())
                    .isEqualTo(motos.toBuilder().status((String) null).build());
        }
    }

    @Test
    void withStateOnly_derivesStateFromStatusWhenMotoSendsNone() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode account = (ObjectNode) json.readTree(
                "{\"Id\":\"111122223333\",\"Status\":\"PENDING_CLOSURE\"}");

        AwsTodayAnswers.withStateOnly(account);

        assertThat(json.writeValueAsString(account)).isEqualTo("{\"Id\":\"111122223333\",\"State\":\"PENDING_CLOSURE\"}");
    }

    @Test
    void listAccounts_awsToday_throttlingRuleStillFiresOnTheProxysPages() {
        OrgFixture org = organization();
        FaultRule throttleSecondPage = proxy.addRule(FaultRule.on("ListAccounts")
                .when(request -> request.param("NextToken") != null).first(1)
                .then(Fault.tooManyRequests()));

        List<ListAccountsResponse> pages = new ArrayList<>();
        try (OrganizationsClient organizations = NoRetryClients.organizations(proxy.endpoint())) {
            ListAccountsResponse first = organizations.listAccounts();
            pages.add(first);
            assertThatExceptionOfType(TooManyRequestsException.class)
                    .isThrownBy(() -> organizations.listAccounts(r -> r.nextToken(first.nextToken())));
            pages.addAll(pages(token -> organizations.listAccounts(r -> r.nextToken(token == null ? first.nextToken() : token)),
                    ListAccountsResponse::nextToken));
        }

        assertThat(throttleSecondPage.firedCount()).isEqualTo(1);
        assertThat(sizes(pages, page -> page.accounts().size())).containsExactly(20, 0, 20, 6);
        assertThat(pages.stream().flatMap(page -> page.accounts().stream()).map(Account::id).toList())
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(org.allAccountIds());
        assertThat(proxy.count("ListAccounts")).as("pages plus the throttled request").isEqualTo(5);
    }

    @Test
    void listAccounts_motoShape_answersUnchanged_statusStillSent() {
        OrgFixture org = organization();

        try (FaultProxy plain = FaultProxy.start(MOTO.endpoint());
                OrganizationsClient viaProxy = NoRetryClients.organizations(plain.endpoint());
                OrganizationsClient moto = NoRetryClients.organizations(MOTO.endpoint(AwsShape.MOTO))) {
            assertThat(plain.isAwsToday()).isFalse();
            for (OrganizationsClient organizations : List.of(viaProxy, moto)) {
                ListAccountsResponse page = organizations.listAccounts(r -> r.maxResults(21));
                assertThat(page.accounts()).as("moto pages ListAccounts by 100 and accepts MaxResults 21")
                        .hasSize(21);
                ListAccountsResponse all = organizations.listAccounts();
                assertThat(all.accounts()).as("one page of 46, no empty page").hasSize(46);
                assertThat(all.nextToken()).isNull();
                assertThat(all.accounts()).extracting(Account::status).as("moto still sends the retired Status")
                        .containsOnly(AccountStatus.ACTIVE);
                assertThat(all.accounts()).extracting(Account::state).containsOnly(AccountState.ACTIVE);
                assertThat(organizations.listRoots().roots()).extracting(Root::id).containsExactly(org.rootId());
            }
        }
    }

    @Test
    void motoExtensionEndpoint_awsToday_isOneSharedProxyInFrontOfTheSharedMoto() {
        OrgFixture org = organization();

        assertThat(MOTO.endpoint(AwsShape.MOTO)).isEqualTo(MOTO.endpoint());
        assertThat(MOTO.endpoint(AwsShape.AWS_TODAY)).isNotEqualTo(MOTO.endpoint())
                .isEqualTo(MOTO.endpoint(AwsShape.AWS_TODAY))
                .isEqualTo(AwsShape.AWS_TODAY.endpoint(MOTO.endpoint()));
        try (OrganizationsClient organizations = NoRetryClients.organizations(MOTO.endpoint(AwsShape.AWS_TODAY))) {
            ListRootsResponse first = organizations.listRoots();
            assertThat(first.roots()).isEmpty();
            assertThat(organizations.listRoots(r -> r.nextToken(first.nextToken())).roots()).extracting(Root::id)
                    .containsExactly(org.rootId());
            assertThat(organizations.listAccountsPaginator().stream().flatMap(page -> page.accounts().stream())
                    .map(Account::id).toList()).containsExactlyInAnyOrderElementsOf(org.allAccountIds());
        }
    }

    /** Calls {@code call} with null, then with each NextToken it answers, until there is none. */
    private static <R> List<R> pages(Function<String, R> call, Function<R, String> nextToken) {
        List<R> pages = new ArrayList<>();
        String token = null;
        do {
            R page = call.apply(token);
            pages.add(page);
            token = nextToken.apply(page);
            assertThat(pages).as("a listing that ends").hasSizeLessThan(100);
        } while (token != null);
        return pages;
    }

    private static <R> List<Integer> sizes(List<R> pages, ToIntFunction<R> size) {
        return pages.stream().map(page -> size.applyAsInt(page)).toList();
    }

    /** Returns the NextToken each request of a page walk sent: null, then every token but the last page's. */
    private static <R> List<String> tokensSent(List<R> pages, Function<R, String> nextToken) {
        List<String> tokens = new ArrayList<>();
        tokens.add(null);
        pages.subList(0, pages.size() - 1).forEach(page -> tokens.add(nextToken.apply(page)));
        return tokens;
    }

    private static List<Child> children(List<ListChildrenResponse> pages) {
        return pages.stream().flatMap(page -> page.children().stream()).toList();
    }
}
