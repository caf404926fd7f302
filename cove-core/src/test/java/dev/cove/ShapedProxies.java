package dev.cove;

import dev.cove.testkit.AwsShape;
import dev.cove.testkit.FaultProxy;
import dev.cove.testkit.MotoServer;
import java.util.EnumMap;
import java.util.Map;

/**
 * A moto of a test class's own, built once for the class, and one recording proxy in front of it per
 * {@link AwsShape} (moto's answers, or AWS's today), started on first use.
 */
final class ShapedProxies implements AutoCloseable {

    private final MotoServer moto = MotoServer.start();
    private final Map<AwsShape, FaultProxy> proxies = new EnumMap<>(AwsShape.class);

    /**
     * Returns the moto behind the proxies, to build the organization in.
     *
     * @return the server
     */
    MotoServer moto() {
        return moto;
    }

    /**
     * Returns the shape's proxy with no fault rule and no request recorded yet, for the next test.
     *
     * @param shape how the proxy answers
     * @return the proxy
     */
    FaultProxy cleared(AwsShape shape) {
        FaultProxy proxy = proxies.computeIfAbsent(shape, s -> FaultProxy.builder(moto.endpoint())
                .learnMotoAccounts(true).awsToday(s == AwsShape.AWS_TODAY).start());
        proxy.clearRules();
        proxy.clear();
        return proxy;
    }

    @Override
    public void close() {
        proxies.values().forEach(FaultProxy::close);
        proxies.clear();
        moto.close();
    }
}
