package dev.cove;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cove.testkit.AwsShape;
import dev.cove.testkit.Fault;
import dev.cove.testkit.FaultProxy;
import dev.cove.testkit.FaultRule;
import dev.cove.testkit.MotoExtension;
import dev.cove.testkit.OrgFixture;
import dev.cove.testkit.OrganizationBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Faults that moto cannot produce, injected by a proxy between Cove and moto: throttling, HTTP errors,
 * hanging endpoints, reset connections and short-lived credentials. Every test checks that each target
 * is reported exactly once.
 */
@ParameterizedClass(name = "answering as {0}")
@EnumSource(AwsShape.class)
class CoveFaultToleranceTest {

    /** How the AWS API answers: as moto does, or as AWS does today. */
    @Parameter
    AwsShape shape;

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");

    private FaultProxy proxy;
    private OrgFixture org;

    @BeforeEach
    void buildOrganization() {
        org = OrganizationBuilder.on(MOTO.endpoint())
                .ou("prod", prod -> prod.accounts(2).ou("web", web -> web.accounts(2).ou("edge", e -> e.accounts(1))))
                .ou("sandbox", sandbox -> sandbox.accounts(1))
                .build();
        proxy = SharedProxy.cleared(shape);
    }

    @AfterEach
    void clearSettings() {
        System.clearProperty("aws.maxAttempts");
    }


    private Cove.Builder cove() {
        return LocalCove.against(proxy.endpoint()).regions(REGIONS);
    }

    @Test
    void run_whenAssumeRoleIsThrottledAtFirst_retriesAndSucceeds() {
        proxy.addRule(FaultRule.on("AssumeRole").first(4).then(Fault.throttling()));

        CoveOutput<String> out = cove().build().run(CoveSession::accountId);

        assertThat(out.results()).hasSize(org.memberIds().size() * 2);
        assertThat(proxy.count("AssumeRole")).isEqualTo(org.memberIds().size() + 4);
        Outcomes.assertEveryTargetOnce(out, org.memberIds(), REGIONS);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 429, 500, 503})
    void targets_whenTheFirstCallIsThrottledOrFailsOnTheServer_retriesIt(int status) {
        // 400 is STS's Throttling error; the others are HTTP statuses the SDK retries
        proxy.addRule(FaultRule.on("GetCallerIdentity").first(2)
                .then(status == 400 ? Fault.throttling() : Fault.http(status)));

        List<CoveTarget> targets = cove().build().targets();

        assertThat(targets).hasSize(org.memberIds().size() * 2);
        assertThat(proxy.count("GetCallerIdentity")).isEqualTo(3);
    }

    @Test
    void targets_whenTheFirstAnswerIsSlow_saysWhatItIsWaitingFor() throws IOException {
        proxy.addRule(FaultRule.on("GetCallerIdentity").first(1).then(Fault.latency(Duration.ofMillis(5500))));
        Path log = Path.of("target/cove-core-tests.log"); // where the tests' simplelogger.properties logs
        long before = Files.exists(log) ? Files.size(log) : 0;

        List<CoveTarget> targets = cove().build().targets();

        assertThat(targets).hasSize(org.memberIds().size() * 2);
        byte[] all = Files.readAllBytes(log);
        assertThat(new String(all, (int) before, all.length - (int) before, StandardCharsets.UTF_8))
                .contains("WARN", "Still waiting for sts:GetCallerIdentity at " + proxy.endpoint() + " after 5 s");
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 503})
    void run_whenAssumeRoleAnswersRetryableHttpStatus_retriesAndSucceeds(int status) {
        proxy.addRule(FaultRule.on("AssumeRole").first(3).then(Fault.http(status)));

        CoveOutput<String> out = cove().build().run(CoveSession::accountId);

        assertThat(out.results()).hasSize(org.memberIds().size() * 2);
        assertThat(proxy.count("AssumeRole")).isEqualTo(org.memberIds().size() + 3);
        Outcomes.assertEveryTargetOnce(out, org.memberIds(), REGIONS);
    }

    @Test
    void run_whenListAccountsIsThrottled_discoversEveryAccount() {
        proxy.addRule(FaultRule.on("ListAccounts").first(3).then(Fault.tooManyRequests()));

        CoveOutput<String> out = cove().build().run(CoveSession::accountId);

        assertThat(proxy.count("ListAccounts")).isGreaterThanOrEqualTo(4);
        Outcomes.assertEveryTargetOnce(out, org.memberIds(), REGIONS);
        assertThat(out.results()).hasSize(org.memberIds().size() * 2);
    }

    @Test
    void run_whenListChildrenIsThrottled_expandsOusCompletely() {
        proxy.addRule(FaultRule.on("ListChildren").withProbability(0.3, 42).then(Fault.tooManyRequests()));

        CoveOutput<String> out = cove().targetIds(org.ouId("prod")).build().run(CoveSession::accountId);

        Outcomes.assertEveryTargetOnce(out, org.memberIdsUnder("prod"), REGIONS);
        assertThat(out.results()).hasSize(org.memberIdsUnder("prod").size() * 2);
    }

    @Test
    void run_whenOneAccountIsThrottledPersistently_reportsTheServiceErrorAndFinishesTheRest() {
        System.setProperty("aws.maxAttempts", "3");
        String throttled = org.memberIdsUnder("sandbox").get(0);
        proxy.addRule(FaultRule.on("AssumeRole").whenParamContains("RoleArn", throttled).then(Fault.throttling()));

        CoveOutput<String> out = cove().build().run(CoveSession::accountId);

        assertThat(out.failedAssumeRole()).hasSize(2).allSatisfy(f -> {
            assertThat(f.id()).isEqualTo(throttled);
            assertThat(f.exception()).isInstanceOfSatisfying(AwsServiceException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling"));
        });
        assertThat(proxy.requests("AssumeRole").stream().filter(r -> r.paramContains("RoleArn", throttled)))
                .as("tried as often as aws.maxAttempts allows").hasSize(3);
        assertThat(out.results()).hasSize((org.memberIds().size() - 1) * 2);
        Outcomes.assertEveryTargetOnce(out, org.memberIds(), REGIONS);
    }

    @Test
    void run_whenAssumeRoleHangsForOneAccount_timesOutAndReportsIt() {
        String hanging = org.memberIdsUnder("prod/web/edge").get(0);
        proxy.addRule(FaultRule.on("AssumeRole").whenParamContains("RoleArn", hanging).then(Fault.hang()));
        long started = System.nanoTime();

        CoveOutput<String> out = cove().apiCallAttemptTimeout(Duration.ofMillis(500)).build()
                .run(CoveSession::accountId);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(out.failedAssumeRole()).hasSize(2).allSatisfy(f -> {
            assertThat(f.id()).isEqualTo(hanging);
            assertThat(f.exception()).isInstanceOf(ApiCallTimeoutException.class);
        });
        assertThat(out.results()).hasSize((org.memberIds().size() - 1) * 2);
        Outcomes.assertEveryTargetOnce(out, org.memberIds(), REGIONS);
    }

    @Test
    void run_whenConnectionsAreReset_retriesAndSucceeds() {
        proxy.addRule(FaultRule.on("AssumeRole").first(3).then(Fault.resetConnection()));
        proxy.addRule(FaultRule.on("ListAccounts").first(1).then(Fault.resetConnection()));

        CoveOutput<String> out = cove().build().run(CoveSession::accountId);

        assertThat(out.results()).hasSize(org.memberIds().size() * 2);
        Outcomes.assertEveryTargetOnce(out, org.memberIds(), REGIONS);
    }

    @Test
    void run_whenSomeAssumeRolesAreSlow_everyTargetStillCompletes() {
        proxy.addRule(FaultRule.on("AssumeRole").withProbability(0.5, 7).then(Fault.latency(Duration.ofMillis(400))));

        CoveOutput<String> out = cove().threadWorkers(3).build().run(CoveSession::accountId);

        assertThat(out.results()).hasSize(org.memberIds().size() * 2);
        Outcomes.assertEveryTargetOnce(out, org.memberIds(), REGIONS);
    }

    @Test
    void run_whenCredentialsAreShortLived_refreshesThemDuringALongFunction() {
        // 61 s credentials are stale after 1 s under the SDK's 60 s stale time, so Cove must refresh them.
        proxy.addRule(FaultRule.on("AssumeRole").then(Fault.shortLivedCredentials(Duration.ofSeconds(61))));
        String account = org.memberIdsUnder("sandbox").get(0);
        Set<String> keysSeen = ConcurrentHashMap.newKeySet();

        CoveOutput<Integer> out = cove().targetIds(account).regions("us-east-1").build().run(session -> {
            StsClient sts = session.client(StsClient.builder());
            int calls = 0;
            long end = System.nanoTime() + Duration.ofMillis(3500).toNanos();
            while (System.nanoTime() < end) {
                AwsCredentials credentials = session.credentialsProvider().resolveCredentials();
                keysSeen.add(credentials.accessKeyId());
                assertThat(sts.getCallerIdentity().account()).isEqualTo(account);
                calls++;
                Thread.sleep(400);
            }
            return calls;
        });

        assertThat(out.results()).singleElement().satisfies(r -> assertThat(r.result()).isGreaterThan(5));
        assertThat(proxy.requests("AssumeRole").stream().filter(r -> r.paramContains("RoleArn", account)).count())
                .as("the role was assumed again before its credentials expired").isGreaterThanOrEqualTo(2);
        assertThat(keysSeen).as("the function went on with fresh credentials").hasSizeGreaterThanOrEqualTo(2);
    }
}
