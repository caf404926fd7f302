package dev.cove.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cove.bench.stub.RequestLog;
import dev.cove.bench.stub.StubServer;
import dev.cove.bench.stub.SyntheticOrganization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import software.amazon.awssdk.services.organizations.model.ChildType;
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
        try (OrganizationsClient organizations = OrganizationsClient.builder()
                .endpointOverride(stub.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAX", "s")))
                .build()) {
            List<Account> accounts = organizations.listAccountsPaginator().stream()
                    .flatMap(page -> page.accounts().stream()).toList();
            assertThat(accounts).hasSize(26).allSatisfy(a -> assertThat(a.statusAsString()).isEqualTo("ACTIVE"));
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
        assertThat(served.requests("ListAccounts")).isEqualTo(2);
        assertThat(served.requests("ListChildren")).isEqualTo(2);
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
            assertThat(result.process().peakRssBytes()).isPositive();
            new Report(dir).write("stub", List.of(result), new Report.RunContext("test", Machine.current(), 0, 0,
                    backend.describe(), BenchOptions.DEFAULT_JVM_FLAGS));
        }
        assertThat(Files.readString(dir.resolve("benchmarks.md"))).contains("| 25 × 2 | 5 |");
        assertThat(Files.readAllLines(dir.resolve("benchmarks.csv"))).hasSize(2);
    }

    private static StsClient sts(StaticCredentialsProvider credentials) {
        return StsClient.builder()
                .endpointOverride(stub.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .build();
    }
}
