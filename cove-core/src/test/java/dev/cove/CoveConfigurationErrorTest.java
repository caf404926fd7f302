package dev.cove;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** Setups that cannot work fail before any role is assumed, saying what to check. */
class CoveConfigurationErrorTest {

    private static final StaticCredentialsProvider STATIC =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "x"));

    @AfterEach
    void clearSettings() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private static Cove.Builder against(URI endpoint) {
        return Cove.builder().endpointOverride(endpoint).assumingRegion(Region.EU_WEST_1).assumingCredentials(STATIC)
                .apiCallAttemptTimeout(Duration.ofSeconds(2)).progress(false);
    }

    @Test
    void targets_whenEndpointRefusesConnections_failsAfterOneAttemptNamingTheEndpoint() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI endpoint = URI.create("http://127.0.0.1:" + closedPort);

        assertThatExceptionOfType(CoveConfigurationException.class).isThrownBy(() -> against(endpoint).build().targets())
                .withMessageStartingWith("endpointOverride: cannot identify the calling account (sts:GetCallerIdentity in "
                        + "eu-west-1 at " + endpoint + "): ")
                .withMessageContaining("Connection refused")
                .withMessageEndingWith("; check the endpoint and the network")
                .satisfies(e -> assertThat(e.getCause()).hasMessageContaining("SDK Attempt Count: 1)"));
    }

    @Test
    void targets_whenEndpointHostIsUnknown_failsAfterOneAttemptNamingTheHost() {
        URI endpoint = URI.create("http://cove-no-such-host.invalid:4566");

        assertThatExceptionOfType(CoveConfigurationException.class).isThrownBy(() -> against(endpoint).build().targets())
                .withMessageStartingWith("endpointOverride: cannot identify the calling account (sts:GetCallerIdentity in "
                        + "eu-west-1 at " + endpoint + "): unknown host cove-no-such-host.invalid")
                // a retried call carries each earlier attempt's failure as a suppressed exception
                .satisfies(e -> assertThat(e.getCause().getSuppressed()).isEmpty());
    }

    @Test
    void targets_whenNoCredentialsAreFound_saysInOneShortLineWhatToSet() {
        // A real SDK provider chain whose every member finds nothing (no system properties, no such profile).
        AwsCredentialsProviderChain nothing = AwsCredentialsProviderChain.of(
                SystemPropertyCredentialsProvider.create(), ProfileCredentialsProvider.create("cove-no-such-profile"));
        Cove cove = against(URI.create("http://127.0.0.1:9")).assumingCredentials(nothing).build();

        assertThatExceptionOfType(CoveConfigurationException.class).isThrownBy(cove::targets)
                .withMessageStartingWith("assumingCredentials: cannot identify the calling account")
                .withMessageContaining("no AWS credentials found. Set a profile (AWS_PROFILE)")
                .withMessageNotContaining("SystemPropertyCredentialsProvider")
                .satisfies(e -> {
                    assertThat(e.getMessage()).hasSizeLessThan(400).doesNotContain("\n");
                    assertThat(e.getCause()).hasMessageContaining("SystemPropertyCredentialsProvider");
                });
    }
}
