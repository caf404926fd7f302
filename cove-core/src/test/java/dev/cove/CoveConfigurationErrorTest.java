package dev.cove;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** Setups that cannot work fail before any role is assumed, saying what to check. */
class CoveConfigurationErrorTest {

    @AfterEach
    void clearSettings() {
        System.clearProperty("aws.maxAttempts");
    }

    @Test
    void targets_whenEndpointRefusesConnections_saysWhichCallFailedAndWhatToCheck() throws IOException {
        System.setProperty("aws.maxAttempts", "2");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI endpoint = URI.create("http://127.0.0.1:" + closedPort);
        Cove cove = Cove.builder().endpointOverride(endpoint).assumingRegion(Region.EU_WEST_1)
                .assumingCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "x")))
                .apiCallAttemptTimeout(Duration.ofSeconds(2)).progress(false).build();

        assertThatIllegalStateException().isThrownBy(cove::targets)
                .withMessageStartingWith("Cannot identify the calling account (sts:GetCallerIdentity in eu-west-1 at "
                        + endpoint + ")")
                .withMessageContaining("Connection refused")
                .withMessageContaining("check the credentials");
    }
}
