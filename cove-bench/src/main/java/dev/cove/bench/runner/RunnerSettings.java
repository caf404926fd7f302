package dev.cove.bench.runner;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one benchmark run does, read from {@code key=value} arguments.
 *
 * @param endpoint where STS and Organizations answer
 * @param accessKeyId the calling credentials' access key ID
 * @param secretAccessKey the calling credentials' secret key
 * @param accounts the accounts the run is expected to visit
 * @param regions the regions to run in
 * @param workers Cove's {@code threadWorkers}
 * @param timeTargets whether to time {@code Cove.targets()} on its own before the run
 * @param stream whether to run with {@code Cove.stream}, keeping no outcome
 */
record RunnerSettings(URI endpoint, String accessKeyId, String secretAccessKey, int accounts, List<String> regions,
        int workers, boolean timeTargets, boolean stream) {

    /** The regions runs use, in order; a run with R regions takes the first R. */
    static final List<String> REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1", "eu-central-1",
            "ap-southeast-2", "us-east-2", "us-west-1", "ca-central-1", "eu-west-2", "eu-west-3", "eu-north-1",
            "eu-south-1", "eu-central-2", "eu-south-2", "ap-south-1", "ap-south-2", "ap-southeast-1",
            "ap-southeast-3", "ap-southeast-4", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-east-1",
            "sa-east-1", "af-south-1", "me-south-1", "me-central-1", "il-central-1", "ca-west-1", "mx-central-1");

    /**
     * Reads the settings.
     *
     * @param args {@code key=value} arguments
     * @return the settings
     * @throws IllegalArgumentException when one is missing or malformed
     */
    static RunnerSettings parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("Expected key=value, got " + arg);
            }
            values.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        int regionCount = Integer.parseInt(require(values, "regions"));
        if (regionCount < 1 || regionCount > REGIONS.size()) {
            throw new IllegalArgumentException("regions must be 1-" + REGIONS.size());
        }
        return new RunnerSettings(URI.create(require(values, "endpoint")), require(values, "accessKeyId"),
                require(values, "secretAccessKey"), Integer.parseInt(require(values, "accounts")),
                REGIONS.subList(0, regionCount), Integer.parseInt(require(values, "workers")),
                Boolean.parseBoolean(values.getOrDefault("timeTargets", "false")),
                Boolean.parseBoolean(values.getOrDefault("stream", "false")));
    }

    private static String require(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("Missing " + key + "=...");
        }
        return value;
    }
}
