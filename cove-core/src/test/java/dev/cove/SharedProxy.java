package dev.cove;

import dev.cove.testkit.AwsShape;
import dev.cove.testkit.FaultProxy;
import dev.cove.testkit.MotoServer;
import java.util.EnumMap;
import java.util.Map;

/**
 * One fault-injecting proxy per {@link AwsShape} in front of the shared moto, started on first use and
 * closed when the test JVM exits; each test clears its rules and records.
 */
final class SharedProxy {

    private static final Map<AwsShape, FaultProxy> PROXIES = new EnumMap<>(AwsShape.class);

    private SharedProxy() {
    }

    /**
     * Returns the proxy answering in {@code shape}, with no rules and no records.
     *
     * @param shape how the proxy answers: as moto, or as AWS today
     * @return the shared proxy
     */
    static synchronized FaultProxy cleared(AwsShape shape) {
        FaultProxy proxy = PROXIES.computeIfAbsent(shape, s -> {
            FaultProxy started = FaultProxy.builder(MotoServer.shared().endpoint())
                    .awsToday(s == AwsShape.AWS_TODAY).start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "cove-test-proxy-close"));
            return started;
        });
        proxy.clearRules();
        proxy.clear();
        return proxy;
    }
}
