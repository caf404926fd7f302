package dev.cove.internal;

import dev.cove.CoveSession;
import dev.cove.SessionInformation;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;

/** The session one target's function receives; closing it closes every client it made. */
final class DefaultCoveSession implements CoveSession, AutoCloseable {

    private final SessionInformation info;
    private final AwsCredentialsProvider credentials;
    private final Region region;
    private final URI endpointOverride;
    private final SdkHttpClient httpClient;
    private final Supplier<ProfileFile> profileFile;
    // guarded by "this": a function may hand the session to threads of its own
    private final List<AutoCloseable> clients = new ArrayList<>(2);

    DefaultCoveSession(SessionInformation info, AwsCredentialsProvider credentials, Region region,
            URI endpointOverride, SdkHttpClient httpClient, Supplier<ProfileFile> profileFile) {
        this.info = info;
        this.credentials = credentials;
        this.region = region;
        this.endpointOverride = endpointOverride;
        this.httpClient = httpClient;
        this.profileFile = profileFile;
    }

    @Override
    public SessionInformation sessionInformation() {
        return info;
    }

    @Override
    public String accountId() {
        return info.id();
    }

    @Override
    public Region region() {
        return region;
    }

    @Override
    public AwsCredentialsProvider credentialsProvider() {
        return credentials;
    }

    @Override
    public <C> C client(AwsClientBuilder<?, C> builder) {
        builder.credentialsProvider(credentials).region(region);
        if (endpointOverride != null) {
            builder.endpointOverride(endpointOverride);
        }
        if (builder instanceof SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClient(httpClient);
        }
        ClientOverrideConfiguration override = builder.overrideConfiguration();
        if (override.defaultProfileFile().isEmpty() && override.defaultProfileFileSupplier().isEmpty()) {
            builder.overrideConfiguration(override.toBuilder().defaultProfileFileSupplier(profileFile).build());
        }
        C client = builder.build();
        if (client instanceof AutoCloseable closeable) {
            synchronized (this) {
                clients.add(closeable);
            }
        }
        return client;
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable client : clients) {
            Closer.quietly(client);
        }
        clients.clear();
    }

    @Override
    public String toString() {
        return "CoveSession[account=" + info.id() + ", region=" + region.id() + "]";
    }
}
