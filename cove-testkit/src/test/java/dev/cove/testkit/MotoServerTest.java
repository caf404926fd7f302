package dev.cove.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.sts.StsClient;

class MotoServerTest {

    @Test
    void start_whenMotoIsInstalled_answersAsTheManagementAccountAndStopsOnClose() {
        MotoServer moto = MotoServer.start();
        int port = moto.port();
        try (moto; StsClient sts = Moto.sts(moto.endpoint())) {
            assertThat(moto.endpoint().toString()).isEqualTo("http://127.0.0.1:" + port);
            assertThat(moto.logFile()).exists();
            assertThat(sts.getCallerIdentity().account()).isEqualTo(Moto.MANAGEMENT_ACCOUNT_ID);
        }
        assertThat(accepts(port)).as("port %s accepts connections after close", port).isFalse();
        moto.close(); // idempotent
        assertThatThrownBy(moto::reset).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void reset_afterOrganizationWasCreated_forgetsIt() {
        MotoServer moto = MotoServer.shared();
        try (OrganizationsClient organizations = Moto.organizations(moto.endpoint())) {
            moto.reset();
            organizations.createOrganization(r -> r.featureSet("ALL"));
            assertThat(organizations.describeOrganization().organization().masterAccountId())
                    .isEqualTo(Moto.MANAGEMENT_ACCOUNT_ID);

            moto.reset();

            assertThatExceptionOfType(AwsOrganizationsNotInUseException.class)
                    .isThrownBy(organizations::describeOrganization);
        }
    }

    @Test
    void shared_returnsOneServerPerJvm_thatCloseDoesNotStop() {
        MotoServer shared = MotoServer.shared();

        shared.close();

        assertThat(MotoServer.shared()).isSameAs(shared);
        shared.reset(); // still running
    }

    @Test
    void seed_makesMotoRepeatTheIdsItCreates() {
        MotoServer moto = MotoServer.shared();
        moto.reset();
        moto.seed(42);
        OrgFixture first = OrganizationBuilder.on(moto.endpoint()).accounts(1).concurrency(1).build();
        moto.reset();
        moto.seed(42);
        OrgFixture second = OrganizationBuilder.on(moto.endpoint()).accounts(1).concurrency(1).build();

        assertThat(second.memberIds()).isEqualTo(first.memberIds());
        assertThat(second.rootId()).isEqualTo(first.rootId());
        moto.reset();
    }

    @Test
    void launch_whenNeitherMotoNorPythonIsOnPath_failsWithInstallHint(@TempDir Path empty) {
        assertThatThrownBy(() -> MotoProcess.launch(empty, empty.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("python3 -m pip install \"moto[server]\"");
    }

    @Test
    void launch_whenMotoExitsAtOnce_failsWithInstallHintAndItsOutput(@TempDir Path bin) throws IOException {
        Path fake = bin.resolve("moto_server");
        Files.writeString(fake, "#!/bin/sh\necho 'No module named moto' >&2\nexit 1\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThatThrownBy(() -> MotoProcess.launch(bin, bin.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with code 1")
                .hasMessageContaining("No module named moto")
                .hasMessageContaining("python3 -m pip install \"moto[server]\"");
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
