package dev.cove.internal;

import java.util.function.Supplier;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The AWS config and credentials files, read once per run. The SDK reads {@code ProfileFile.defaultProfileFile()}
 * anew for every client it builds, twice for some; given this as {@code ClientOverrideConfiguration.Builder#defaultProfileFileSupplier}
 * (https://docs.aws.amazon.com/java/api/latest/software/amazon/awssdk/core/client/config/ClientOverrideConfiguration.Builder.html),
 * a run's clients share one read. A failed read is not kept: the next client tries again, as it would have.
 */
final class RunProfileFile implements Supplier<ProfileFile> {

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
