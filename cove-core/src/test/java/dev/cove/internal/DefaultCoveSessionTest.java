package dev.cove.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cove.SessionInformation;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;

class DefaultCoveSessionTest {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret"));

    private final RunProfileFile runProfileFile = new RunProfileFile();

    private DefaultCoveSession session(SdkHttpClient http) {
        return session(http, runProfileFile);
    }

    private static DefaultCoveSession session(SdkHttpClient http, RunProfileFile profileFile) {
        return new DefaultCoveSession(new SessionInformation("111122223333", null, null, null, null,
                "ACTIVE", "OrganizationAccountAccessRole", "OrganizationAccountAccessRole", null, List.of(), null,
                "eu-west-1", "aws", false, null, null), CREDENTIALS,
                Region.EU_WEST_1, URI.create("http://localhost:1"), http, profileFile);
    }

    @Test
    void clientsOfOneRunShareOneProfileFileAndKeepTheUsersSettings() {
        try (SdkHttpClient http = ApacheHttpClient.create(); DefaultCoveSession first = session(http);
                DefaultCoveSession second = session(http)) {
            StsClientBuilder a = StsClient.builder().overrideConfiguration(o -> o.putHeader("x-user", "kept"));
            StsClientBuilder b = StsClient.builder();
            first.client(a);
            second.client(b);

            ClientOverrideConfiguration configured = a.overrideConfiguration();
            assertThat(configured.headers()).containsEntry("x-user", List.of("kept"));
            assertThat(configured.defaultProfileFileSupplier()).isPresent();
            assertThat(b.overrideConfiguration().defaultProfileFileSupplier()).isPresent();
            assertThat(configured.defaultProfileFileSupplier().get().get())
                    .isSameAs(b.overrideConfiguration().defaultProfileFileSupplier().get().get());
        }
    }

    @Test
    void aProfileFileTheUserChoseStays() {
        ProfileFile own = ProfileFile.aggregator().build();
        try (SdkHttpClient http = ApacheHttpClient.create(); DefaultCoveSession session = session(http)) {
            StsClientBuilder fixed = StsClient.builder().overrideConfiguration(o -> o.defaultProfileFile(own));
            StsClientBuilder supplied = StsClient.builder()
                    .overrideConfiguration(o -> o.defaultProfileFileSupplier(() -> own));
            session.client(fixed);
            session.client(supplied);

            assertThat(fixed.overrideConfiguration().defaultProfileFile()).containsSame(own);
            assertThat(fixed.overrideConfiguration().defaultProfileFileSupplier().get().get()).isSameAs(own);
            assertThat(supplied.overrideConfiguration().defaultProfileFileSupplier().get().get()).isSameAs(own);
        }
    }

    @Test
    void eachRunReadsItsOwn() {
        try (SdkHttpClient one = ApacheHttpClient.create(); SdkHttpClient other = ApacheHttpClient.create();
                DefaultCoveSession first = session(one, new RunProfileFile());
                DefaultCoveSession second = session(other, new RunProfileFile())) {
            StsClientBuilder a = StsClient.builder();
            StsClientBuilder b = StsClient.builder();
            first.client(a);
            second.client(b);

            assertThat(a.overrideConfiguration().defaultProfileFileSupplier().get())
                    .isNotSameAs(b.overrideConfiguration().defaultProfileFileSupplier().get());
        }
    }

    @Test
    void theClientHasTheTargetsCredentialsRegionAndEndpoint() {
        try (SdkHttpClient http = ApacheHttpClient.create(); DefaultCoveSession session = session(http)) {
            StsClient client = session.client(StsClient.builder());

            assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
            assertThat(client.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://localhost:1"));
            assertThat(client.serviceClientConfiguration().credentialsProvider()).isSameAs(CREDENTIALS);
        }
    }
}
