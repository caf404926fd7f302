package dev.cove.internal;

import dev.cove.CoveSession;
import dev.cove.SessionInformation;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
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

    /**
     * The shared config and credentials files, read once per run: each run has an HTTP client of its own, which
     * keys its entry (weakly, so that a finished run's entry goes with its client).
     */
    private static final Map<SdkHttpClient, Supplier<ProfileFile>> PROFILE_FILES = new WeakHashMap<>();

    private final SessionInformation info;
    private final AwsCredentialsProvider credentials;
    private final Region region;
    private final URI endpointOverride;
    private final SdkHttpClient httpClient;
    private final Supplier<ProfileFile> profileFile;
    // guarded by "this": a function may hand the session to threads of its own
    private final List<AutoCloseable> clients = new ArrayList<>(2);

    DefaultCoveSession(SessionInformation info, AwsCredentialsProvider credentials, Region region,
            URI endpointOverride, SdkHttpClient httpClient) {
        this.info = info;
        this.credentials = credentials;
        this.region = region;
        this.endpointOverride = endpointOverride;
        this.httpClient = httpClient;
        synchronized (PROFILE_FILES) {
            this.profileFile = PROFILE_FILES.computeIfAbsent(httpClient, run -> new RunProfileFile());
        }
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

    /**
     * The SDK reads {@code ProfileFile.defaultProfileFile()} anew for every client it builds, twice for some;
     * given this as {@code ClientOverrideConfiguration.Builder#defaultProfileFileSupplier}
     * (https://docs.aws.amazon.com/java/api/latest/software/amazon/awssdk/core/client/config/ClientOverrideConfiguration.Builder.html),
     * a run's clients share one read. A failed read is not kept: the next client tries again, as it would have.
     */
    private static final class RunProfileFile implements Supplier<ProfileFile> {
        private volatile ProfileFile file;

        @Override
        public ProfileFile get() {
            ProfileFile read = file;
            if (read == null) {
                synchronized (this) {
                    read = file;
                    if (read == null) {
                        read = ProfileFile.defaultProfileFile();
                        file = read;
                    }
                }
            }
            return read;
        }
    }

    @Override
    public String toString() {
        return "CoveSession[account=" + info.id() + ", region=" + region.id() + "]";
    }
}
