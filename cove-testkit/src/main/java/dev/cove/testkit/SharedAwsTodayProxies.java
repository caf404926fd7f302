package dev.cove.testkit;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AWS-today proxies behind {@link AwsShape#endpoint(URI)}: one per moto endpoint, started on
 * first use and closed by a JVM shutdown hook.
 */
final class SharedAwsTodayProxies {

    private static final Map<URI, FaultProxy> PROXIES = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("aws-today-proxies-shutdown")
                .unstarted(() -> PROXIES.values().forEach(FaultProxy::close)));
    }

    private SharedAwsTodayProxies() {
    }

    static URI endpointFor(URI motoEndpoint) {
        return PROXIES.computeIfAbsent(motoEndpoint, upstream -> FaultProxy.builder(upstream)
                .awsToday(true)
                .recordRequests(false)
                .start()).endpoint();
    }
}
