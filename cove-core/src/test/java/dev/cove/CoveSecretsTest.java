package dev.cove;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cove.testkit.Moto;
import dev.cove.testkit.MotoExtension;
import dev.cove.testkit.OrganizationBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/** With DEBUG logging on, no secret key or session token of an assumed role shows up anywhere. */
class CoveSecretsTest {

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private static final Path LOG = Path.of("target/cove-core-tests.log");

    @BeforeEach
    void buildOrganization() {
        OrganizationBuilder.on(MOTO.endpoint()).ou("apps", apps -> apps.accounts(3)).build();
    }

    @Test
    void run_withDebugLogging_neverPrintsSecretKeysOrSessionTokens() throws IOException {
        assertThat(LoggerFactory.getLogger("dev.cove").isDebugEnabled()).as("tests log at DEBUG").isTrue();
        long logStart = Files.exists(LOG) ? Files.size(LOG) : 0;
        Set<String> secrets = ConcurrentHashMap.newKeySet();
        StringBuilder printed = new StringBuilder();

        CoveOutput<String> out = Cove.builder().assumingCredentials(Moto.credentials())
                .assumingRegion(Region.US_EAST_1).endpointOverride(MOTO.endpoint()).progress(false)
                .regions("us-east-1", "eu-west-1")
                .build().run(session -> {
                    AwsSessionCredentials credentials =
                            (AwsSessionCredentials) session.credentialsProvider().resolveCredentials();
                    secrets.add(credentials.secretAccessKey());
                    secrets.add(credentials.sessionToken());
                    session.client(StsClient.builder()).getCallerIdentity();
                    if (session.region().id().equals("eu-west-1")) {
                        throw new IllegalStateException("failing on purpose in " + session);
                    }
                    return session + " " + session.credentialsProvider() + " " + credentials;
                }, result -> printed.append(result).append('\n'));

        assertThat(secrets).hasSize(6); // one role per account, shared by its two regions
        printed.append(out).append('\n');
        for (CoveResult<String> e : out.exceptions()) {
            StringWriter trace = new StringWriter();
            e.exception().printStackTrace(new PrintWriter(trace));
            printed.append(trace);
        }
        String log = readFrom(logStart);
        assertThat(log).as("the run logged at DEBUG").contains("DEBUG");
        assertThat(out.results()).hasSize(3);
        for (String secret : secrets) {
            assertThat(printed.toString()).doesNotContain(secret);
            assertThat(log).doesNotContain(secret);
        }
    }

    @Test
    void externalId_isNoSecret_soSessionInformationShowsIt() {
        // docs/security.md: the external ID identifies the caller to the role's trust policy; it is not a secret.
        SessionInformation info = new SessionInformation("111122223333", null, null, null, null, "ACTIVE",
                "OrganizationAccountAccessRole", "OrganizationAccountAccessRole", null, java.util.List.of(),
                "ext-visible-1234", "us-east-1", "aws", true, null, null);

        assertThat(info.toString()).contains("externalId=ext-visible-1234");
    }

    private static String readFrom(long offset) throws IOException {
        byte[] all = Files.readAllBytes(LOG);
        return new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
    }
}
