package dev.cove.cli;

import dev.cove.Cove;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.TypeConversionException;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.regions.Region;

/**
 * Applies {@code --profile}: the profile's credentials call STS and Organizations, and its region is the
 * assuming region unless {@code AWS_REGION}, {@code aws.region} or {@code AWS_DEFAULT_REGION} is set (the
 * order the AWS CLI uses too).
 */
final class ProfileArgument {

    private ProfileArgument() {
    }

    /**
     * Checks that the profile exists and sets the builder's assuming credentials and region from it. Runs
     * when the command runs, not while its arguments are parsed: the AWS SDK may log as it reads the
     * files, and logging is set up only then.
     *
     * @param builder the builder to configure
     * @param name the profile name
     * @throws TypeConversionException when the files cannot be read or no such profile exists
     */
    static void apply(Cove.Builder builder, String name) {
        ProfileFile profiles;
        try {
            profiles = ProfileFile.defaultProfileFile();
        } catch (RuntimeException e) {
            throw (TypeConversionException) new TypeConversionException("cannot read the AWS config files: "
                    + e.getMessage()).initCause(e);
        }
        Optional<Profile> profile = profiles.profile(name);
        if (profile.isEmpty()) {
            throw new TypeConversionException("no profile named '" + name + "' in the AWS config or credentials file"
                    + " (known: " + profiles.profiles().keySet() + ")");
        }
        builder.assumingCredentials(ProfileCredentialsProvider.builder()
                .profileFile(profiles)
                .profileName(name)
                .build());
        if (regionFromEnvironment().isEmpty()) {
            profile.get().property(ProfileProperty.REGION)
                    .filter(region -> !region.isBlank())
                    .ifPresent(region -> builder.assumingRegion(Region.of(region.trim())));
        }
    }

    private static Optional<String> regionFromEnvironment() {
        return Stream.of(System.getenv("AWS_REGION"), System.getProperty("aws.region"),
                        System.getenv("AWS_DEFAULT_REGION"))
                .filter(value -> value != null && !value.isBlank())
                .findFirst();
    }
}
