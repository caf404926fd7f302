package dev.cove.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.net.SocketException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AccessDeniedException;
import software.amazon.awssdk.services.organizations.model.ChildType;
import software.amazon.awssdk.services.organizations.model.TooManyRequestsException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

class FaultProxyTest {

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private static final String DENIED_ACCOUNT = "111122223333";
    private static final String ALLOWED_ACCOUNT = "444455556666";

    private FaultProxy proxy;

    @BeforeEach
    void startProxy() {
        proxy = FaultProxy.start(MOTO.endpoint());
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    @Test
    void proxy_recordsAssumeRoleParameters_serviceAndAccessKey() {
        try (StsClient sts = NoRetryClients.sts(proxy.endpoint())) {
            assumeRole(sts, ALLOWED_ACCOUNT);
        }

        assertThat(proxy.requests("AssumeRole")).singleElement().satisfies(request -> {
            assertThat(request.service()).isEqualTo("sts");
            assertThat(request.accessKeyId()).isEqualTo(Moto.ACCESS_KEY_ID);
            assertThat(request.param("RoleArn")).isEqualTo(Moto.organizationRoleArn(ALLOWED_ACCOUNT));
            assertThat(request.param("RoleSessionName")).isEqualTo("test");
            assertThat(request.body()).startsWith("Action=AssumeRole&");
            assertThat(request.at()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        });
        assertThat(proxy.count("AssumeRole")).isEqualTo(1);
    }

    @Test
    void proxy_recordsJsonRequests_withTheirTopLevelStringFields() {
        OrgFixture org = OrganizationBuilder.on(MOTO.endpoint()).ou("prod").build();

        try (OrganizationsClient organizations = NoRetryClients.organizations(proxy.endpoint())) {
            organizations.listChildren(r -> r.parentId(org.rootId()).childType(ChildType.ORGANIZATIONAL_UNIT));
        }

        assertThat(proxy.requests()).singleElement().satisfies(request -> {
            assertThat(request.service()).isEqualTo("organizations");
            assertThat(request.action()).isEqualTo("ListChildren");
            assertThat(request.params()).containsEntry("ParentId", org.rootId())
                    .containsEntry("ChildType", "ORGANIZATIONAL_UNIT");
        });
        proxy.clear();
        assertThat(proxy.requests()).isEmpty();
    }

    @Test
    void proxy_whenRuleAnswersAccessDenied_clientSeesAwsErrorCode() {
        proxy.addRule(FaultRule.on("AssumeRole").whenParamContains("RoleArn", DENIED_ACCOUNT)
                .then(Fault.accessDenied("not trusted")));

        try (StsClient sts = NoRetryClients.sts(proxy.endpoint())) {
            assertThatExceptionOfType(StsException.class).isThrownBy(() -> assumeRole(sts, DENIED_ACCOUNT))
                    .satisfies(e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("not trusted");
                        assertThat(e.statusCode()).isEqualTo(403);
                    });
            assertThat(assumeRole(sts, ALLOWED_ACCOUNT).accessKeyId()).startsWith("ASIA");
        }
    }

    @Test
    void proxy_whenRuleThrottlesSts_clientSeesThrottling() {
        proxy.addRule(FaultRule.on("AssumeRole").then(Fault.throttling()));

        try (StsClient sts = NoRetryClients.sts(proxy.endpoint())) {
            assertThatExceptionOfType(StsException.class).isThrownBy(() -> assumeRole(sts, ALLOWED_ACCOUNT))
                    .satisfies(e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling");
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.isThrottlingException()).isTrue();
                    });
        }
    }

    @Test
    void proxy_whenRuleFaultsOrganizations_clientSeesJsonErrorCodes() {
        OrganizationBuilder.on(MOTO.endpoint()).build();
        FaultRule throttle = proxy.addRule(FaultRule.on("ListAccounts").first(1).then(Fault.tooManyRequests()));
        proxy.addRule(FaultRule.on("ListRoots").then(Fault.accessDenied("no organizations access")));

        try (OrganizationsClient organizations = NoRetryClients.organizations(proxy.endpoint())) {
            assertThatExceptionOfType(TooManyRequestsException.class).isThrownBy(organizations::listAccounts)
                    .satisfies(e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TooManyRequestsException"));
            assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(organizations::listRoots)
                    .satisfies(e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
            assertThat(organizations.listAccounts().accounts()).isNotEmpty();
        }
        assertThat(throttle.firedCount()).isEqualTo(1);
        assertThat(throttle.matchedCount()).isEqualTo(2);
    }

    @Test
    void proxy_errorMessagesWithQuotesNewlinesAndUnicode_reachTheClientUnchanged() {
        String message = "say \"hi\" & <b>'bye'</b>\n\ttab \\ back \u00e9 \u2603 \uD83D\uDE00";
        // XML 1.0 cannot carry U+0001 or U+001F, and its parsers read a carriage return as a line feed
        String jsonOnly = message + "\r\u0001\u001f";
        proxy.addRule(FaultRule.on("GetCallerIdentity").then(Fault.accessDenied(message)));
        proxy.addRule(FaultRule.on("ListRoots").then(Fault.accessDenied(jsonOnly)));

        try (StsClient sts = NoRetryClients.sts(proxy.endpoint())) {
            assertThatExceptionOfType(StsException.class).isThrownBy(sts::getCallerIdentity)
                    .satisfies(e -> assertThat(e.awsErrorDetails().errorMessage()).as("Query: XML")
                            .isEqualTo(message));
        }
        try (OrganizationsClient organizations = NoRetryClients.organizations(proxy.endpoint())) {
            assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(organizations::listRoots)
                    .satisfies(e -> assertThat(e.awsErrorDetails().errorMessage()).as("JSON 1.1")
                            .isEqualTo(jsonOnly));
        }
    }

    @Test
    void proxy_whenRuleAnswersHttp503_clientSeesTheStatusWithoutAwsCode() {
        proxy.addRule(FaultRule.onAnyAction().service("sts").then(Fault.http(503)));

        try (StsClient sts = NoRetryClients.sts(proxy.endpoint())) {
            assertThatExceptionOfType(AwsServiceException.class).isThrownBy(sts::getCallerIdentity)
                    .satisfies(e -> assertThat(e.statusCode()).isEqualTo(503));
        }
    }

    @Test
    void proxy_whenRuleAddsLatency_requestTakesAtLeastThatLong() {
        Duration delay = Duration.ofMillis(400);
        proxy.addRule(FaultRule.on("GetCallerIdentity").then(Fault.latency(delay)));

        try (StsClient sts = NoRetryClients.sts(proxy.endpoint())) {
            sts.getCallerIdentity(); // warm up the client
            long started = System.nanoTime();
            assertThat(sts.getCallerIdentity().account()).isEqualTo(Moto.MANAGEMENT_ACCOUNT_ID);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(delay);
        }
    }

    @Test
    void proxy_whenRuleResetsConnection_clientSeesConnectionReset() {
        proxy.addRule(FaultRule.on("GetCallerIdentity").first(1).then(Fault.resetConnection()));

        try (StsClient sts = NoRetryClients.sts(proxy.endpoint())) {
            assertThatExceptionOfType(SdkClientException.class).isThrownBy(sts::getCallerIdentity)
                    .withRootCauseInstanceOf(SocketException.class);
            assertThat(sts.getCallerIdentity().account()).isEqualTo(Moto.MANAGEMENT_ACCOUNT_ID);
        }
    }

    @Test
    void proxy_whenRuleHangs_clientTimesOut_andTheRequestNeverReachesMoto() {
        proxy.addRule(FaultRule.on("AssumeRole").then(Fault.hang()));

        try (StsClient sts = NoRetryClients.sts(proxy.endpoint(), Duration.ofMillis(500))) {
            assertThatExceptionOfType(ApiCallAttemptTimeoutException.class)
                    .isThrownBy(() -> assumeRole(sts, ALLOWED_ACCOUNT));
        }
        assertThat(proxy.count("AssumeRole")).isEqualTo(1);
    }

    @Test
    void proxy_firstK_faultsOnlyTheFirstKMatchingRequests() {
        FaultRule rule = proxy.addRule(FaultRule.on("AssumeRole").first(2).then(Fault.throttling()));

        try (StsClient sts = NoRetryClients.sts(proxy.endpoint())) {
            List<String> outcomes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                outcomes.add(outcome(() -> assumeRole(sts, ALLOWED_ACCOUNT)));
            }
            assertThat(outcomes).containsExactly("Throttling", "Throttling", "ok", "ok");
        }
        assertThat(rule.firedCount()).isEqualTo(2);
    }

    @Test
    void proxy_withProbability_repeatsTheSameFaultsForTheSameSeed() {
        List<List<String>> runs = new ArrayList<>();
        try (StsClient sts = NoRetryClients.sts(proxy.endpoint())) {
            for (int run = 0; run < 2; run++) {
                FaultRule rule = proxy.addRule(FaultRule.on("GetCallerIdentity").withProbability(0.5, 7)
                        .then(Fault.throttling()));
                List<String> outcomes = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    outcomes.add(outcome(sts::getCallerIdentity));
                }
                proxy.removeRule(rule);
                runs.add(outcomes);
            }
            assertThat(outcome(sts::getCallerIdentity)).as("after removing the rule").isEqualTo("ok");
        }
        assertThat(runs.get(0)).isEqualTo(runs.get(1)).contains("ok", "Throttling");
    }

    @Test
    void proxy_shortLivedCredentials_rewritesTheExpirationOfAssumeRole() {
        proxy.addRule(FaultRule.on("AssumeRole").then(Fault.shortLivedCredentials(Duration.ofMinutes(5))));

        try (StsClient sts = NoRetryClients.sts(proxy.endpoint())) {
            Instant expected = Instant.now().plus(Duration.ofMinutes(5));
            assertThat(assumeRole(sts, ALLOWED_ACCOUNT).expiration()).isCloseTo(expected, within(30, ChronoUnit.SECONDS));
        }
        try (StsClient direct = NoRetryClients.sts(MOTO.endpoint())) {
            assertThat(assumeRole(direct, ALLOWED_ACCOUNT).expiration())
                    .as("moto's own lifetime").isAfter(Instant.now().plus(Duration.ofMinutes(30)));
        }
    }

    @Test
    void proxy_learnMotoAccounts_tellsMotoTheAccountOfAssumedRoleKeys() {
        try (FaultProxy learning = FaultProxy.builder(MOTO.endpoint()).learnMotoAccounts(true).start();
                StsClient sts = NoRetryClients.sts(learning.endpoint())) {
            Credentials credentials = assumeRole(sts, ALLOWED_ACCOUNT);
            assertThat(learning.learnedAccounts()).containsEntry(credentials.accessKeyId(), ALLOWED_ACCOUNT)
                    .containsEntry(Moto.ACCESS_KEY_ID, Moto.MANAGEMENT_ACCOUNT_ID);

            learning.learn(credentials.accessKeyId(), DENIED_ACCOUNT); // moto must now follow the header
            try (StsClient assumed = Moto.configure(StsClient.builder(), learning.endpoint())
                    .credentialsProvider(() -> AwsSessionCredentials.create(
                            credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken()))
                    .build()) {
                assertThat(assumed.getCallerIdentity().account()).isEqualTo(DENIED_ACCOUNT);
            }
        }
        assertThat(proxy.learnedAccounts()).as("learning is off by default").isEmpty();
    }

    @Test
    void proxy_forwardsChunkedRequestBodies() throws Exception {
        byte[] form = "Action=GetCallerIdentity&Version=2011-06-15".getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(proxy.endpoint().resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20250101/us-east-1/sts/aws4_request, "
                        + "SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form)))
                .build();

        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("<Account>" + Moto.MANAGEMENT_ACCOUNT_ID + "</Account>");
        }
        assertThat(proxy.requests("GetCallerIdentity")).singleElement()
                .satisfies(recorded -> assertThat(recorded.param("Version")).isEqualTo("2011-06-15"));
    }

    @Test
    void proxy_servesHundredsOfConcurrentClients() throws Exception {
        int clients = 200;
        proxy.addRule(FaultRule.on("GetCallerIdentity").then(Fault.latency(Duration.ofMillis(300))));
        try (StsClient sts = Moto.configure(StsClient.builder(), proxy.endpoint())
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(clients))
                .build();
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            long started = System.nanoTime();
            List<Future<String>> accounts = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                accounts.add(threads.submit(() -> sts.getCallerIdentity().account()));
            }
            for (Future<String> account : accounts) {
                assertThat(account.get()).isEqualTo(Moto.MANAGEMENT_ACCOUNT_ID);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("200 requests delayed 300 ms each, in parallel").isLessThan(Duration.ofSeconds(30));
        }
        assertThat(proxy.count("GetCallerIdentity")).isEqualTo(clients);
    }

    @Test
    void close_endsHungRequestsAndRefusesNewConnections() throws Exception {
        proxy.addRule(FaultRule.on("GetCallerIdentity").then(Fault.hang()));
        try (StsClient sts = NoRetryClients.sts(proxy.endpoint(), Duration.ofSeconds(30));
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> hung = threads.submit(() -> sts.getCallerIdentity().account());
            while (proxy.count("GetCallerIdentity") == 0) {
                Thread.sleep(10);
            }
            long started = System.nanoTime();

            proxy.close();

            assertThatExceptionOfType(ExecutionException.class).isThrownBy(hung::get)
                    .withCauseInstanceOf(SdkClientException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThatExceptionOfType(SdkClientException.class).isThrownBy(sts::getCallerIdentity);
        }
    }

    private static Credentials assumeRole(StsClient sts, String accountId) {
        return sts.assumeRole(r -> r.roleArn(Moto.organizationRoleArn(accountId)).roleSessionName("test"))
                .credentials();
    }

    private static String outcome(Runnable call) {
        try {
            call.run();
            return "ok";
        } catch (AwsServiceException e) {
            return e.awsErrorDetails().errorCode();
        }
    }
}
