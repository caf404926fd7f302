package dev.cove.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cove.bench.stub.RequestLog;
import dev.cove.bench.stub.StubServer;
import dev.cove.bench.stub.SyntheticOrganization;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountState;
import software.amazon.awssdk.services.organizations.model.ChildType;
import software.amazon.awssdk.services.organizations.model.InvalidInputException;
import software.amazon.awssdk.services.organizations.model.ListAccountsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.organizations.model.ListChildrenResponse;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentResponse;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.ParentNotFoundException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/** The stub answers the SDK as AWS would, and the harness turns one small run into a report row. */
class StubSmokeTest {

    private static final String MEMBER = "200000000007";
    private static StubServer stub;

    @BeforeAll
    static void start() {
        stub = StubServer.start(new SyntheticOrganization(25, 3, 3), Duration.ZERO);
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @Test
    void stsAnswersTheAccountOfTheAssumedRole() {
        try (StsClient management = sts(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAX", "s")))) {
            assertThat(management.getCallerIdentity().account()).isEqualTo(SyntheticOrganization.MANAGEMENT_ACCOUNT_ID);
            AssumeRoleResponse assumed = management.assumeRole(r -> r
                    .roleArn("arn:aws:iam::" + MEMBER + ":role/OrganizationAccountAccessRole")
                    .roleSessionName("smoke"));
            assertThat(assumed.assumedRoleUser().arn())
                    .isEqualTo("arn:aws:sts::" + MEMBER + ":assumed-role/OrganizationAccountAccessRole/smoke");
            assertThat(assumed.credentials().expiration()).isAfter(java.time.Instant.now());
            var session = AwsSessionCredentials.create(assumed.credentials().accessKeyId(),
                    assumed.credentials().secretAccessKey(), assumed.credentials().sessionToken());
            try (StsClient member = sts(StaticCredentialsProvider.create(session))) {
                var identity = member.getCallerIdentity();
                assertThat(identity.account()).isEqualTo(MEMBER);
                assertThat(identity.arn()).endsWith(":assumed-role/OrganizationAccountAccessRole/smoke");
            }
            assertThatThrownBy(() -> management.assumeRole(r -> r
                    .roleArn("arn:aws:iam::999999999999:role/OrganizationAccountAccessRole").roleSessionName("x")))
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    });
        }
    }

    @Test
    void organizationsListsEveryAccountInPagesOfTwenty() {
        stub.log().reset();
        try (OrganizationsClient organizations = organizations(stub)) {
            List<Account> accounts = organizations.listAccountsPaginator().stream()
                    .flatMap(page -> page.accounts().stream()).toList();
            assertThat(accounts).hasSize(26).doesNotHaveDuplicates();
            assertThat(accounts.get(1).arn()).isEqualTo(SyntheticOrganization.arnOf(accounts.get(1).id()));
            assertThat(organizations.describeOrganization().organization().masterAccountId())
                    .isEqualTo(SyntheticOrganization.MANAGEMENT_ACCOUNT_ID);
            String root = organizations.listRoots().roots().get(0).id();
            assertThat(organizations.listChildren(r -> r.parentId(root).childType(ChildType.ORGANIZATIONAL_UNIT))
                    .children()).hasSize(3);
            assertThatThrownBy(() -> organizations.listChildren(r -> r.parentId("ou-b3nc-99999999")
                    .childType(ChildType.ACCOUNT))).isInstanceOf(ParentNotFoundException.class);
        }
        RequestLog.Snapshot served = stub.log().snapshot();
        assertThat(served.requests("ListAccounts")).as("20 accounts, the empty page, 6 accounts").isEqualTo(3)
                .isEqualTo(stub.pages(26));
        assertThat(served.requests("ListChildren")).isEqualTo(2);
    }

    @Test
    void organizationsListsTheTreeByParentWithTheSameAccountsAsListAccounts() {
        stub.log().reset();
        try (OrganizationsClient organizations = organizations(stub)) {
            List<Account> listed = organizations.listAccountsPaginator().stream()
                    .flatMap(page -> page.accounts().stream()).toList();
            List<Account> walked = new ArrayList<>();
            List<OrganizationalUnit> ous = new ArrayList<>();
            Deque<String> parents = new ArrayDeque<>(List.of(SyntheticOrganization.ROOT_ID));
            while (!parents.isEmpty()) {
                String parent = parents.removeFirst();
                organizations.listOrganizationalUnitsForParentPaginator(r -> r.parentId(parent)).stream()
                        .flatMap(page -> page.organizationalUnits().stream()).forEach(ou -> {
                            ous.add(ou);
                            parents.addLast(ou.id());
                        });
                organizations.listAccountsForParentPaginator(r -> r.parentId(parent)).stream()
                        .forEach(page -> walked.addAll(page.accounts()));
            }
            assertThat(walked).as("every field as ListAccounts sends it").hasSize(26)
                    .containsExactlyInAnyOrderElementsOf(listed);
            assertThat(ous).hasSize(39).extracting(OrganizationalUnit::id).doesNotHaveDuplicates();
            assertThat(ous).allSatisfy(ou -> {
                assertThat(ou.arn()).isEqualTo("arn:aws:organizations::" + SyntheticOrganization.MANAGEMENT_ACCOUNT_ID
                        + ":ou/" + SyntheticOrganization.ORGANIZATION_ID + "/" + ou.id());
                assertThat(ou.name()).isNotBlank();
            });
        }
        RequestLog.Snapshot served = stub.log().snapshot();
        assertThat(served.requests("ListOrganizationalUnitsForParent")).as("the root and 39 OUs").isEqualTo(40);
        assertThat(served.requests("ListAccountsForParent")).as("the root and 39 OUs").isEqualTo(40);
    }

    @Test
    void listingsByParentPageLikeListAccountsAndRefuseUnknownParentsAndBadMaxResults() {
        // 46 accounts directly in the root; 25 OUs directly below the root
        try (StubServer flat = StubServer.start(new SyntheticOrganization(45, 0, 3), Duration.ZERO);
                StubServer wide = StubServer.start(new SyntheticOrganization(0, 1, 25), Duration.ZERO);
                OrganizationsClient accounts = organizations(flat);
                OrganizationsClient units = organizations(wide)) {
            List<ListAccountsForParentResponse> accountPages = accounts.listAccountsForParentPaginator(r -> r
                    .parentId(SyntheticOrganization.ROOT_ID)).stream().toList();
            assertThat(accountPages).extracting(p -> p.accounts().size()).containsExactly(20, 0, 20, 6);
            assertThat(accountPages.get(1).nextToken()).as("the empty page's NextToken").isNotBlank();
            assertThat(accountPages.stream().flatMap(p -> p.accounts().stream())).hasSize(46).doesNotHaveDuplicates()
                    .allSatisfy(a -> {
                        assertThat(a.stateAsString()).isEqualTo("ACTIVE");
                        assertThat(a.statusAsString()).isNull();
                    });
            assertThat(flat.log().snapshot().requests("ListAccountsForParent")).isEqualTo(flat.pages(46));
            List<ListOrganizationalUnitsForParentResponse> ouPages = units.listOrganizationalUnitsForParentPaginator(
                    r -> r.parentId(SyntheticOrganization.ROOT_ID)).stream().toList();
            assertThat(ouPages).extracting(p -> p.organizationalUnits().size()).containsExactly(20, 0, 5);
            assertThat(ouPages.get(1).nextToken()).isNotBlank();
            assertThat(wide.log().snapshot().requests("ListOrganizationalUnitsForParent")).isEqualTo(wide.pages(25));

            for (OrganizationsClient organizations : List.of(accounts, units)) {
                String root = SyntheticOrganization.ROOT_ID;
                assertThatThrownBy(() -> organizations.listAccountsForParent(r -> r.parentId("ou-b3nc-99999999")))
                        .isInstanceOf(ParentNotFoundException.class);
                assertThatThrownBy(() -> organizations.listOrganizationalUnitsForParent(r -> r
                        .parentId("ou-b3nc-99999999"))).isInstanceOf(ParentNotFoundException.class);
                assertInvalidInput(() -> organizations.listAccountsForParent(r -> r.parentId(root).maxResults(21)),
                        "MAX_VALUE_EXCEEDED");
                assertInvalidInput(() -> organizations.listOrganizationalUnitsForParent(r -> r.parentId(root)
                        .maxResults(0)), "MIN_VALUE_EXCEEDED");
                assertInvalidInput(() -> organizations.listOrganizationalUnitsForParent(r -> r.parentId(root)
                        .maxResults(21)), "MAX_VALUE_EXCEEDED");
            }
        }
    }

    @Test
    void accountsCarryStateAndNoStatus() throws Exception {
        try (OrganizationsClient organizations = organizations(stub)) {
            List<Account> accounts = organizations.listAccountsPaginator().stream()
                    .flatMap(page -> page.accounts().stream()).toList();
            assertThat(accounts).hasSize(26).allSatisfy(a -> {
                assertThat(a.state()).isEqualTo(AccountState.ACTIVE);
                assertThat(a.stateAsString()).isEqualTo("ACTIVE");
                assertThat(a.status()).isNull();
                assertThat(a.statusAsString()).isNull();
            });
        }
        HttpResponse<String> page = post(stub, "ListAccounts", "{}");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("\"State\":\"ACTIVE\"").doesNotContain("\"Status\"");
    }

    @Test
    void everyListingHasPagesOfAtMostTwentyAndOneEmptyPageWithANextToken() {
        try (OrganizationsClient organizations = organizations(stub)) {
            List<ListAccountsResponse> pages = organizations.listAccountsPaginator().stream().toList();
            assertThat(pages).extracting(p -> p.accounts().size()).containsExactly(20, 0, 6);
            assertThat(pages.get(1).nextToken()).as("the empty page's NextToken").isNotBlank();
            assertThat(pages.get(2).nextToken()).isNull();
        }
        // 46 accounts directly in the root: ListChildren pages the same way.
        try (StubServer flat = StubServer.start(new SyntheticOrganization(45, 0, 3), Duration.ZERO);
                OrganizationsClient organizations = organizations(flat)) {
            List<ListChildrenResponse> pages = organizations.listChildrenPaginator(r -> r
                    .parentId(SyntheticOrganization.ROOT_ID).childType(ChildType.ACCOUNT)).stream().toList();
            assertThat(pages).extracting(p -> p.children().size()).containsExactly(20, 0, 20, 6);
            assertThat(pages.get(1).nextToken()).isNotBlank();
            assertThat(pages.stream().flatMap(p -> p.children().stream())).hasSize(46).doesNotHaveDuplicates();
            assertThat(flat.log().snapshot().requests("ListChildren")).isEqualTo(4).isEqualTo(flat.pages(46));
            List<ListAccountsResponse> short20 = organizations.listAccountsPaginator(r -> r.maxResults(20)).stream()
                    .toList();
            assertThat(short20).allSatisfy(p -> assertThat(p.accounts()).hasSizeLessThanOrEqualTo(20));
            assertThat(short20).filteredOn(p -> p.accounts().isEmpty()).hasSize(1)
                    .allSatisfy(p -> assertThat(p.nextToken()).isNotBlank());
        }
    }

    @Test
    void theEmptyPageCanBeSwitchedOff() {
        try (StubServer plain = StubServer.start(new SyntheticOrganization(25, 3, 3), Duration.ZERO, false);
                OrganizationsClient organizations = organizations(plain)) {
            assertThat(organizations.listAccountsPaginator().stream()).extracting(p -> p.accounts().size())
                    .containsExactly(20, 6);
            assertThat(plain.log().snapshot().requests("ListAccounts")).isEqualTo(2).isEqualTo(plain.pages(26));
        }
        assertThat(stub.pages(0)).isEqualTo(1);
        assertThat(stub.pages(20)).isEqualTo(1);
        assertThat(stub.pages(21)).isEqualTo(3);
        assertThat(stub.pages(1501)).isEqualTo(77);
    }

    @Test
    void maxResultsOutsideOneToTwentyAndForeignTokensAreRefusedWithInvalidInputException() throws Exception {
        try (OrganizationsClient organizations = organizations(stub)) {
            assertThat(organizations.listAccounts(r -> r.maxResults(20)).accounts()).hasSize(20);
            assertInvalidInput(() -> organizations.listAccounts(r -> r.maxResults(21)), "MAX_VALUE_EXCEEDED");
            assertInvalidInput(() -> organizations.listChildren(r -> r.parentId(SyntheticOrganization.ROOT_ID)
                    .childType(ChildType.ACCOUNT).maxResults(21)), "MAX_VALUE_EXCEEDED");
            assertInvalidInput(() -> organizations.listRoots(r -> r.maxResults(21)), "MAX_VALUE_EXCEEDED");
            assertInvalidInput(() -> organizations.listAccounts(r -> r.maxResults(0)), "MIN_VALUE_EXCEEDED");
            assertInvalidInput(() -> organizations.listAccounts(r -> r.nextToken("not-from-a-previous-call")),
                    "INVALID_PAGINATION_TOKEN");
        }
        HttpResponse<String> refused = post(stub, "ListAccounts", "{\"MaxResults\":21}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidInputException");
        assertThat(refused.body()).startsWith("{\"__type\":\"InvalidInputException\",\"Message\":\"")
                .endsWith(",\"Reason\":\"MAX_VALUE_EXCEEDED\"}");
    }

    @Test
    void errorMessagesCarryQuotesNewlinesAndUnicodeToTheSdk() {
        String token = "bench-page-x \"quoted\" \\ back\nline\t\u00e9 \u2603 \uD83D\uDE00 \u0001";
        try (OrganizationsClient organizations = organizations(stub)) {
            assertThatThrownBy(() -> organizations.listAccounts(r -> r.nextToken(token)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(
                            e.awsErrorDetails().errorMessage()).as("JSON 1.1").isEqualTo("The NextToken " + token
                                    + " was not returned by a previous call of this operation"));
        }
        String roleArn = "arn:aws:iam::999999999999:role/<a&b> \"q\" 'it''s'\n\u00e9 \uD83D\uDE00";
        try (StsClient management = sts(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAX", "s")))) {
            assertThatThrownBy(() -> management.assumeRole(r -> r.roleArn(roleArn).roleSessionName("x")))
                    .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                            .as("Query: XML").endsWith(" on resource: " + roleArn));
        }
    }

    @Test
    void requestsThatAreNotJsonObjectsOfPlainValuesAreRefusedWithSerializationException() throws Exception {
        for (String body : List.of("{\"MaxResults\":", "[1]", "{\"MaxResults\":{\"N\":1}}", "{\"A\":[\"}\"]}")) {
            HttpResponse<String> refused = post(stub, "ListAccounts", body);
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(refused.headers().firstValue("x-amzn-ErrorType")).as(body).hasValue("SerializationException");
        }
        HttpResponse<String> numbers = post(stub, "ListAccounts", " {\"MaxResults\": 5, \"Other\": null} ");
        assertThat(numbers.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(numbers.body()).get("Accounts")).hasSize(5);
        assertThat(post(stub, "ListAccounts", "{\"MaxResults\":5.5}").headers().firstValue("x-amzn-ErrorType"))
                .hasValue("SerializationException");
    }

    @Test
    void harnessMeasuresARunInAChildJvmAndWritesARow(@TempDir Path dir) throws Exception {
        BenchCase benchCase = new BenchCase("stub", 25, 2, 5, 1);
        try (StubBackend backend = new StubBackend()) {
            Backend.Connection connection = backend.prepare(benchCase.accounts(), Duration.ofMillis(1));
            ChildJvm.Measurement m = new ChildJvm(BenchOptions.DEFAULT_JVM_FLAGS, dir, 120).run(benchCase.name(),
                    List.of("endpoint=" + connection.endpoint(), "accessKeyId=" + connection.accessKeyId(),
                            "secretAccessKey=" + connection.secretAccessKey(), "accounts=25", "regions=2",
                            "workers=5"), false);
            BenchResult result = new BenchResult(benchCase, m.reported(), m.process(), m.threads(), backend.requests(),
                    null, 0, 0, -1);
            assertThat(result.correct()).as("run output %s", m.reported()).isTrue();
            assertThat(result.requests().requests("AssumeRole")).isEqualTo(25);
            assertThat(result.requests().requests("ListAccounts")).as("20 accounts, the empty page, 6 accounts")
                    .isEqualTo(3);
            assertThat(result.listingChainSeconds()).isCloseTo((1 + 3) * 0.001, within(1e-9));
            assertThat(result.idealSeconds()).isCloseTo(result.requests().totalRequests() * 0.001 / 5, within(1e-9));
            assertThat(result.process().peakRssBytes()).isPositive();
            new Report(dir).write("stub", List.of(result), new Report.RunContext("test", Machine.current(), 0, 0,
                    backend.describe(), BenchOptions.DEFAULT_JVM_FLAGS));
        }
        assertThat(Files.readString(dir.resolve("benchmarks.md"))).contains("| 25 × 2 | 5 |");
        assertThat(Files.readAllLines(dir.resolve("benchmarks.csv"))).hasSize(2);
    }

    private static void assertInvalidInput(Runnable call, String reason) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInputException");
            assertThat(e.reasonAsString()).isEqualTo(reason);
        });
    }

    /** Sends one unsigned Organizations request (the stub takes it for the management account's). */
    private static HttpResponse<String> post(StubServer server, String action, String json) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                    .header("X-Amz-Target", "AWSOrganizationsV20161128." + action)
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static OrganizationsClient organizations(StubServer server) {
        return OrganizationsClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAX", "s")))
                .build();
    }

    private static StsClient sts(StaticCredentialsProvider credentials) {
        return StsClient.builder()
                .endpointOverride(stub.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .build();
    }
}
