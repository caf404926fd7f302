package dev.cove;

import dev.cove.testkit.FaultProxy;
import dev.cove.testkit.MotoServer;

/**
 * One fault-injecting proxy in front of the shared moto, started on first use and closed when the test
 * JVM exits; each test clears its rules and records.
 */
final class SharedProxy {

    private static FaultProxy proxy;

    private SharedProxy() {
    }

    /**
     * Returns the proxy with no rules and no records.
     *
     * @return the shared proxy
     */
    static synchronized FaultProxy cleared() {
        if (proxy == null) {
            proxy = FaultProxy.start(MotoServer.shared().endpoint());
            FaultProxy started = proxy;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "cove-test-proxy-close"));
        }
        proxy.clearRules();
        proxy.clear();
        return proxy;
    }
}
