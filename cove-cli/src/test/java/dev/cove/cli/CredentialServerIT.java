package dev.cove.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cove.cli.exec.Executables;
import dev.cove.testkit.Fault;
import dev.cove.testkit.FaultProxy;
import dev.cove.testkit.FaultRule;
import dev.cove.testkit.MotoExtension;
import dev.cove.testkit.OrgFixture;
import dev.cove.testkit.RecordedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cove exec --credential-server}: a program outlives its first credentials. The test kit's proxy makes
 * every AssumeRole answer short-lived, and refuses, as STS does, any call signed with an assumed key older than
 * that lifetime ({@code ExpiredToken}). A program that waits past it calls AWS again: with a snapshot of the
 * keys in its environment it fails; with the credential server it gets fresh ones and succeeds.
 */
class CredentialServerIT {

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private static final Duration LIFETIME = Duration.ofSeconds(6);
    private static final long WAIT_MILLIS = LIFETIME.toMillis() + 3_000;

    @TempDir
    Path dir;

    private OrgFixture org;
    private FaultProxy proxy;
    private final Map<String, Instant> firstUse = new ConcurrentHashMap<>();

    @BeforeEach
    void shortLivedCredentials() {
        org = SmallOrganization.build(MOTO.endpoint());
        proxy = FaultProxy.start(MOTO.endpoint());
        proxy.addRule(FaultRule.on("AssumeRole").then(Fault.shortLivedCredentials(LIFETIME)));
        proxy.addRule(FaultRule.onAnyAction().when(this::expired).then(Fault.awsError(403, "ExpiredToken",
                "The security token included in the request is expired")));
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    /** An assumed key (not the caller's own) used later than its lifetime after its first use. */
    private boolean expired(RecordedRequest request) {
        String key = request.accessKeyId();
        if (key == null || key.equals("testing")) {
            return false;
        }
        Instant first = firstUse.computeIfAbsent(key, k -> request.at());
        return request.at().isAfter(first.plus(LIFETIME));
    }

    private CoveProcess.Result exec(boolean credentialServer, String... command) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("exec", "--endpoint-url", proxy.endpoint().toString(),
                "--target-ids", String.join(",", org.memberIds().subList(0, 2)), "--format", "jsonl"));
        if (credentialServer) {
            args.add("--credential-server");
        }
        args.add("--");
        args.addAll(List.of(command));
        return CoveProcess.cove(dir, args.toArray(String[]::new)).run();
    }

    private Set<String> keysOfGetCallerIdentity() {
        return proxy.requests("GetCallerIdentity").stream().map(RecordedRequest::accessKeyId)
                .filter(key -> !"testing".equals(key)).collect(Collectors.toSet());
    }

    @Test
    void awsCli_callingAgainAfterItsFirstCredentialsExpired_succeedsWithTheCredentialServer() throws Exception {
        assumeThat(Executables.locate("aws", System.getenv("PATH")))
                .as("the AWS CLI is needed for this test: python3 -m pip install awscli").isPresent();
        String script = "aws sts get-caller-identity --query Arn --output text && sleep " + WAIT_MILLIS / 1000
                + " && aws sts get-caller-identity --query Arn --output text";

        CoveProcess.Result snapshot = exec(false, "sh", "-c", script);
        proxy.clear();
        CoveProcess.Result served = exec(true, "sh", "-c", script);

        assertThat(Cli.jsonLines(snapshot.out())).as("the test's expiry is real: a snapshot fails").allSatisfy(r -> {
            assertThat(r.get("Outcome").asText()).isEqualTo("Exception");
            assertThat(r.get("Stderr").asText()).contains("ExpiredToken");
        });
        assertThat(served.exitCode()).as(served.out() + served.err()).isZero();
        assertBothCallsAnsweredInTheTargetsAccount(Cli.jsonLines(served.out()));
    }

    @Test
    void javaSdk_callingAgainAfterItsFirstCredentialsExpired_refreshesThemFromTheCredentialServer() throws Exception {
        List<String> java = List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), CallerIdentityChild.class.getName(), Long.toString(WAIT_MILLIS));

        CoveProcess.Result served = exec(true, java.toArray(String[]::new));

        assertThat(served.exitCode()).as(served.out() + served.err()).isZero();
        assertBothCallsAnsweredInTheTargetsAccount(Cli.jsonLines(served.out()));
        assertThat(keysOfGetCallerIdentity()).as("one key before, a new one after the first expired")
                .hasSizeGreaterThanOrEqualTo(4);
    }

    private void assertBothCallsAnsweredInTheTargetsAccount(List<JsonNode> records) {
        assertThat(records).hasSize(2).allSatisfy(r -> {
            assertThat(r.get("Outcome").asText()).isEqualTo("Result");
            List<String> arns = r.get("Result").asText().lines().toList();
            assertThat(arns).hasSize(2).allSatisfy(arn -> assertThat(arn)
                    .contains(":" + r.get("Id").asText() + ":assumed-role/OrganizationAccountAccessRole/"));
        });
        assertThat(proxy.requests("GetCallerIdentity")).as("no call was refused as expired")
                .allSatisfy(request -> assertThat(expiredBefore(request)).isFalse());
    }

    /** Whether the request was refused: its key was older than the lifetime when it came. */
    private boolean expiredBefore(RecordedRequest request) {
        Instant first = firstUse.get(request.accessKeyId());
        return first != null && request.at().isAfter(first.plus(LIFETIME));
    }
}
