package dev.cove.bench.runner;

import dev.cove.bench.stub.SessionKeys;
import dev.cove.bench.stub.StubServer;
import dev.cove.bench.stub.SyntheticOrganization;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * Splits the CPU cost of one target into its parts, each measured alone on one warmed-up thread against
 * the stub with no latency: building (and closing) an SDK client, one {@code GetCallerIdentity} call on a
 * built client, and assuming a role through {@code StsAssumeRoleCredentialsProvider}; and the same parts
 * the way Cove does them (a client given a profile file read once, one {@code AssumeRole} call). The calling
 * thread's CPU time is measured, so the stub's own work (on other threads) is not counted.
 */
public final class CostBreakdown {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CostBreakdown() {
    }

    /**
     * Prints the CPU microseconds of each part.
     *
     * @param args optional: iterations per part (default 3000)
     */
    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        SyntheticOrganization org = new SyntheticOrganization(iterations, 3, 3);
        try (StubServer stub = StubServer.start(org, Duration.ZERO);
                SdkHttpClient http = ApacheHttpClient.builder().maxConnections(8).build()) {
            var management = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIABENCH", "secret"));
            var member = StaticCredentialsProvider.create(AwsSessionCredentials.create(
                    SessionKeys.accessKeyId(org.accountIds().get(1)), "secret",
                    SessionKeys.sessionToken("OrganizationAccountAccessRole", "bench")));
            StsClient sts = StsClient.builder().endpointOverride(stub.endpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(management).httpClient(http).build();
            StsClient memberSts = StsClient.builder().endpointOverride(stub.endpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(member).httpClient(http).build();
            Runnable build = () -> StsClient.builder().endpointOverride(stub.endpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(member).httpClient(http).build().close();
            ProfileFile profileFile = ProfileFile.defaultProfileFile();
            Runnable buildSharingProfile = () -> StsClient.builder().endpointOverride(stub.endpoint())
                    .region(Region.US_EAST_1).credentialsProvider(member).httpClient(http)
                    .overrideConfiguration(o -> o.defaultProfileFileSupplier(() -> profileFile)).build().close();
            Runnable call = () -> memberSts.getCallerIdentity();
            int[] next = {1};
            Runnable assume = () -> {
                String account = org.accountIds().get(1 + next[0]++ % (org.accountIds().size() - 1));
                try (var provider = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                        .refreshRequest(AssumeRoleRequest.builder()
                                .roleArn("arn:aws:iam::" + account + ":role/OrganizationAccountAccessRole")
                                .roleSessionName("OrganizationAccountAccessRole").build())
                        .asyncCredentialUpdateEnabled(false).build()) {
                    provider.resolveCredentials();
                }
            };
            Runnable assumeOnce = () -> {
                String account = org.accountIds().get(1 + next[0]++ % (org.accountIds().size() - 1));
                var credentials = sts.assumeRole(AssumeRoleRequest.builder()
                        .roleArn("arn:aws:iam::" + account + ":role/OrganizationAccountAccessRole")
                        .roleSessionName("OrganizationAccountAccessRole").build()).credentials();
                AwsSessionCredentials.builder().accessKeyId(credentials.accessKeyId())
                        .secretAccessKey(credentials.secretAccessKey()).sessionToken(credentials.sessionToken())
                        .expirationTime(credentials.expiration()).build();
            };
            Runnable target = () -> {
                try (StsClient c = StsClient.builder().endpointOverride(stub.endpoint()).region(Region.US_EAST_1)
                        .credentialsProvider(member).httpClient(http).build()) {
                    c.getCallerIdentity();
                }
            };
            for (int round = 0; round < 2; round++) {
                String label = round == 0 ? "warm-up" : "measured";
                System.out.printf(Locale.ROOT, "%s (%d iterations each), CPU microseconds per operation:%n", label,
                        iterations);
                report("build + close StsClient", build, iterations);
                report("build + close StsClient, profile file read once", buildSharingProfile, iterations);
                report("GetCallerIdentity on a built client", call, iterations);
                report("AssumeRole via StsAssumeRoleCredentialsProvider", assume, iterations);
                report("AssumeRole, one StsClient.assumeRole call", assumeOnce, iterations);
                report("build client + GetCallerIdentity + close", target, iterations);
            }
            sts.close();
            memberSts.close();
        }
    }

    private static void report(String label, Runnable operation, int iterations) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            operation.run();
        }
        double cpuMicros = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e3 / iterations;
        double wallMicros = (System.nanoTime() - wall) / 1e3 / iterations;
        System.out.printf(Locale.ROOT, "  %-50s %8.1f us CPU  %8.1f us wall%n", label, cpuMicros, wallMicros);
    }
}
