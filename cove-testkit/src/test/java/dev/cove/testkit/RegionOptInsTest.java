package dev.cove.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.account.model.ListRegionsResponse;
import software.amazon.awssdk.services.account.model.Region;
import software.amazon.awssdk.services.account.model.RegionOptStatus;
import software.amazon.awssdk.services.account.model.TooManyRequestsException;
import software.amazon.awssdk.services.account.model.ValidationException;

/** The fault proxy's answers to Account Management's ListRegions and GetRegionOptStatus, through the SDK. */
class RegionOptInsTest {

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private static final String MEMBER = "111122223333";
    private static final String OTHER_MEMBER = "444455556666";

    private FaultProxy proxy;

    @BeforeEach
    void startProxy() {
        proxy = FaultProxy.builder(MOTO.endpoint()).learnMotoAccounts(true)
                .enabledRegions(MEMBER, List.of("eu-south-1", "af-south-1", "us-east-1"))
                .start();
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    @Test
    void listRegions_forADeclaredAccount_reportsItsOptInsEnabledTheOtherOptInsDisabledAndTheDefaultsByDefault() {
        try (AccountClient account = account(Moto.credentials(), 3)) {
            Map<String, RegionOptStatus> statuses = statuses(account.listRegionsPaginator(r -> r.accountId(MEMBER)));

            assertThat(statuses).hasSize(RegionOptIns.REGIONS.size()).containsEntry("eu-south-1", RegionOptStatus.ENABLED)
                    .containsEntry("af-south-1", RegionOptStatus.ENABLED)
                    .containsEntry("me-south-1", RegionOptStatus.DISABLED)
                    .containsEntry("us-east-1", RegionOptStatus.ENABLED_BY_DEFAULT)
                    .containsEntry("eu-west-1", RegionOptStatus.ENABLED_BY_DEFAULT);
            assertThat(statuses.values().stream().filter(status -> status == RegionOptStatus.ENABLED_BY_DEFAULT))
                    .hasSize(RegionOptIns.DEFAULT_REGIONS.size());
            assertThat(statuses(account.listRegionsPaginator(r -> r.accountId(OTHER_MEMBER))))
                    .as("an account nobody declared has the defaults only")
                    .containsEntry("eu-south-1", RegionOptStatus.DISABLED)
                    .doesNotContainValue(RegionOptStatus.ENABLED);
        }
        assertThat(proxy.requests("ListRegions")).allSatisfy(request -> assertThat(request.service()).isEqualTo("account"));
    }

    @Test
    void listRegions_withoutAccountId_answersForTheCallersAccount() {
        AwsCredentialsProvider memberRole = learnedRole(MEMBER);
        try (AccountClient member = account(memberRole, 3);
                AccountClient management = account(Moto.credentials(), 3)) {
            assertThat(statuses(member.listRegionsPaginator(r -> { }))).containsEntry("eu-south-1", RegionOptStatus.ENABLED);
            assertThat(statuses(management.listRegionsPaginator(r -> { })))
                    .as("the management account declared nothing").doesNotContainValue(RegionOptStatus.ENABLED);
        }
    }

    @Test
    void listRegions_pagesAndFilters_asTheRequestAsks() {
        try (AccountClient account = account(Moto.credentials(), 3)) {
            ListRegionsResponse first = account.listRegions(r -> r.accountId(MEMBER).maxResults(10));
            List<String> all = account.listRegionsPaginator(r -> r.accountId(MEMBER).maxResults(10)).regions().stream()
                    .map(Region::regionName).toList();
            List<String> enabled = account.listRegionsPaginator(r -> r.accountId(MEMBER)
                    .regionOptStatusContains(RegionOptStatus.ENABLED)).regions().stream().map(Region::regionName).toList();

            assertThat(first.regions()).hasSize(10);
            assertThat(first.nextToken()).isNotBlank();
            assertThat(all).hasSize(RegionOptIns.REGIONS.size()).doesNotHaveDuplicates();
            assertThat(enabled).containsExactly("af-south-1", "eu-south-1");
        }
    }

    @Test
    void listRegions_refusesMaxResultsAbove50AndForeignNextTokens_withValidationException() {
        try (AccountClient account = account(Moto.credentials(), 1)) {
            assertThatExceptionOfType(ValidationException.class)
                    .isThrownBy(() -> account.listRegions(r -> r.accountId(MEMBER).maxResults(51)))
                    .satisfies(e -> assertThat(e.statusCode()).isEqualTo(400))
                    .withMessageContaining("MaxResults must be 1 to 50");
            assertThatExceptionOfType(ValidationException.class)
                    .isThrownBy(() -> account.listRegions(r -> r.accountId(MEMBER).nextToken("not-a-token")))
                    .withMessageContaining("not-a-token");
        }
    }

    @Test
    void getRegionOptStatus_answersOneRegion_andRefusesUnknownOnes() {
        try (AccountClient account = account(Moto.credentials(), 1)) {
            assertThat(account.getRegionOptStatus(r -> r.accountId(MEMBER).regionName("eu-south-1")).regionOptStatus())
                    .isEqualTo(RegionOptStatus.ENABLED);
            assertThat(account.getRegionOptStatus(r -> r.accountId(MEMBER).regionName("il-central-1")).regionOptStatus())
                    .isEqualTo(RegionOptStatus.DISABLED);
            assertThatExceptionOfType(ValidationException.class)
                    .isThrownBy(() -> account.getRegionOptStatus(r -> r.accountId(MEMBER).regionName("mars-north-1")))
                    .withMessageContaining("mars-north-1");
        }
    }

    @Test
    void listRegions_faultRules_applyBeforeTheAnswer() {
        proxy.addRule(FaultRule.on("ListRegions").first(1)
                .then(Fault.awsError(429, "TooManyRequestsException", "slow down")));
        try (AccountClient once = account(Moto.credentials(), 1); AccountClient retrying = account(Moto.credentials(), 3)) {
            assertThatExceptionOfType(TooManyRequestsException.class)
                    .isThrownBy(() -> once.listRegions(r -> r.accountId(MEMBER)));
            assertThat(retrying.listRegions(r -> r.accountId(MEMBER)).regions()).isNotEmpty();
        }
        assertThat(proxy.count("ListRegions")).isEqualTo(2);
    }

    @Test
    void enabledRegions_refusesUnknownRegionsAndMalformedAccounts() {
        FaultProxy.Builder builder = FaultProxy.builder(MOTO.endpoint());
        assertThatIllegalArgumentException().isThrownBy(() -> builder.enabledRegions(MEMBER, List.of("eu-south-9")))
                .withMessageStartingWith("unknown region 'eu-south-9'; the aws partition has [af-south-1,");
        assertThatIllegalArgumentException().isThrownBy(() -> builder.enabledRegions("1234", List.of("eu-south-1")))
                .withMessage("accountId must be 12 digits, got '1234'");
    }

    private static Map<String, RegionOptStatus> statuses(Iterable<ListRegionsResponse> pages) {
        return StreamSupport.stream(pages.spliterator(), false)
                .flatMap(page -> page.regions().stream())
                .collect(Collectors.toMap(Region::regionName, Region::regionOptStatus));
    }

    /** Credentials of the organization role in {@code accountId}, assumed through the proxy so it learns the key. */
    private AwsCredentialsProvider learnedRole(String accountId) {
        return MotoAccounts.assumeRole(proxy.endpoint(), accountId);
    }

    private AccountClient account(AwsCredentialsProvider credentials, int attempts) {
        URI endpoint = proxy.endpoint();
        return Moto.configure(AccountClient.builder(), endpoint)
                .credentialsProvider(credentials)
                .overrideConfiguration(o -> o.retryStrategy(retry -> retry.maxAttempts(attempts)))
                .build();
    }
}
