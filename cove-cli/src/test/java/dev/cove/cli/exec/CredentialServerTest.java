package dev.cove.cli.exec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/** The loopback credentials endpoint: one token per child, fresh credentials on each ask, nobody else served. */
class CredentialServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final CredentialServer server = CredentialServer.start();
    private final AtomicInteger refreshes = new AtomicInteger();

    /** Like the role's provider: new credentials each time it refreshes. */
    private final AwsCredentialsProvider role = () -> {
        int n = refreshes.incrementAndGet();
        return AwsSessionCredentials.builder().accessKeyId("ASIAKEY" + n).secretAccessKey("secret-" + n)
                .sessionToken("token-" + n).expirationTime(Instant.parse("2030-01-01T00:00:00.123Z")).build();
    };

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(URI uri, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (token != null) {
            request.header("Authorization", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void lease_answersItsChild_withTheRolesCredentialsAsTheContainerProviderReadsThem_freshOnEachAsk() throws Exception {
        CredentialServer.Lease lease = server.lease(role);

        HttpResponse<String> first = get(lease.uri(), lease.token());
        HttpResponse<String> second = get(lease.uri(), lease.token());

        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode credentials = JSON.readTree(first.body());
        assertThat(credentials.get("AccessKeyId").asText()).isEqualTo("ASIAKEY1");
        assertThat(credentials.get("SecretAccessKey").asText()).isEqualTo("secret-1");
        assertThat(credentials.get("Token").asText()).isEqualTo("token-1");
        assertThat(credentials.get("Expiration").asText()).isEqualTo("2030-01-01T00:00:00Z");
        assertThat(JSON.readTree(second.body()).get("AccessKeyId").asText()).isEqualTo("ASIAKEY2");
        assertThat(lease.uri().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void lease_refusesAnotherChildsToken_noToken_andAnyAskOnceClosed() throws Exception {
        CredentialServer.Lease mine = server.lease(role);
        CredentialServer.Lease other = server.lease(role);

        HttpResponse<String> wrongToken = get(mine.uri(), other.token());
        HttpResponse<String> noToken = get(mine.uri(), null);
        HttpResponse<String> unknownPath = get(mine.uri().resolve("/credentials/999"), mine.token());
        mine.close();
        HttpResponse<String> closed = get(mine.uri(), mine.token());

        assertThat(List.of(wrongToken, noToken, unknownPath, closed)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).doesNotContain("secret", "token-");
        });
        assertThat(refreshes).as("no credentials were handed out").hasValue(0);
        assertThat(get(other.uri(), other.token()).statusCode()).isEqualTo(200);
    }

    @Test
    void server_listensOnTheLoopbackAddressOnly_notOnTheMachinesOtherAddresses() throws Exception {
        CredentialServer.Lease lease = server.lease(role);
        int port = lease.uri().getPort();

        List<InetAddress> others = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(NetworkInterface::inetAddresses).filter(address -> !address.isLoopbackAddress()).toList();

        assertThat(InetAddress.getByName(lease.uri().getHost()).isLoopbackAddress()).isTrue();
        for (InetAddress address : others) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, port), 2_000);
                throw new AssertionError("reachable on " + address);
            } catch (ConnectException | java.net.SocketTimeoutException | java.net.NoRouteToHostException refused) {
                // not listening there
            } catch (IOException unreachable) {
                // an address this machine cannot even use
            }
        }
    }

    @Test
    void lease_neverShowsItsToken() {
        CredentialServer.Lease lease = server.lease(role);

        assertThat(lease.toString()).doesNotContain(lease.token());
        assertThat(lease.uri().toString()).doesNotContain(lease.token());
        assertThat(lease.token()).hasSizeGreaterThanOrEqualTo(43);
    }
}
