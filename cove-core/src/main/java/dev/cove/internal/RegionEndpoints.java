package dev.cove.internal;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * Where Cove sends its {@code account} and {@code ec2} calls: the run's {@code endpointOverride}; else the SDK's
 * own settings, {@code AWS_ENDPOINT_URL_<SERVICE>} / {@code aws.endpointUrl<Service>} then {@code AWS_ENDPOINT_URL}
 * / {@code aws.endpointUrl} (unless {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS} is true); else the service's
 * endpoint in the assuming region's partition.
 */
final class RegionEndpoints {

    private final CoveConfig config;
    private final Region region;

    /**
     * Creates the resolver.
     *
     * @param config the run's settings
     * @param region the assuming region
     */
    RegionEndpoints(CoveConfig config, Region region) {
        this.config = config;
        this.region = region;
    }

    /**
     * Returns the Account Management endpoint and its signing region. The service is global: in the {@code aws}
     * partition it answers at {@code account.us-east-1.amazonaws.com} signed for us-east-1, in {@code aws-cn} at
     * {@code account.cn-northwest-1.amazonaws.com.cn}, elsewhere in the partition's region (the endpoint rules of
     * the service model, {@code botocore/data/account/2021-02-01/endpoint-rule-set-1.json}).
     *
     * @return the endpoint
     */
    Endpoint account() {
        String partition = region.metadata().partition().id();
        String signingRegion = switch (partition) {
            case "aws" -> "us-east-1";
            case "aws-cn" -> "cn-northwest-1";
            default -> region.id();
        };
        return new Endpoint(configured("Account", "ACCOUNT").orElse(URI.create("https://account." + signingRegion
                + "." + region.metadata().partition().dnsSuffix())), signingRegion);
    }

    /**
     * Returns the EC2 endpoint in the assuming region.
     *
     * @return the endpoint
     */
    Endpoint ec2() {
        return new Endpoint(configured("Ec2", "EC2").orElse(URI.create("https://ec2." + region.id() + "."
                + region.metadata().partition().dnsSuffix())), region.id());
    }

    private Optional<URI> configured(String serviceId, String envSuffix) {
        if (config.get(Options.ENDPOINT_OVERRIDE) != null) {
            return Optional.of(config.get(Options.ENDPOINT_OVERRIDE));
        }
        if (Boolean.parseBoolean(setting("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "aws.ignoreConfiguredEndpointUrls"))) {
            return Optional.empty();
        }
        String specific = setting("AWS_ENDPOINT_URL_" + envSuffix, "aws.endpointUrl" + serviceId);
        String general = setting("AWS_ENDPOINT_URL", "aws.endpointUrl");
        String url = specific != null ? specific : general;
        return url == null ? Optional.empty() : Optional.of(URI.create(url.strip()));
    }

    private static String setting(String variable, String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * A service endpoint.
     *
     * @param uri where to send requests
     * @param signingRegion the region requests are signed for
     */
    record Endpoint(URI uri, String signingRegion) {
    }
}
