package dev.cove.testkit;

import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link CoveTest} sets up for one test class: its own moto server, the declared organization in it, and
 * a fault proxy in front of it that answers in the declared {@link AwsShape} and knows the declared Regions.
 * {@link #close()} stops the proxy and moto.
 */
final class CoveTestEnvironment implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CoveTestEnvironment.class);

    private final MotoServer moto;
    private final OrgFixture org;
    private final FaultProxy proxy;

    private CoveTestEnvironment(MotoServer moto, OrgFixture org, FaultProxy proxy) {
        this.moto = moto;
        this.org = org;
        this.proxy = proxy;
    }

    /**
     * Starts moto, builds the organization {@code declaration} describes and starts the proxy.
     *
     * @param declaration the annotation on the test class
     * @param testClass the test class, named in the log
     * @throws IllegalArgumentException if the declaration is invalid (moto is not started then)
     * @throws IllegalStateException if moto is missing or the organization cannot be built
     */
    static CoveTestEnvironment start(CoveTest declaration, Class<?> testClass) {
        DeclaredOrganization declared = DeclaredOrganization.of(Objects.requireNonNull(declaration, "declaration"));
        long started = System.nanoTime();
        MotoServer moto = MotoServer.start();
        try {
            OrgFixture org = declared.build(moto.endpoint());
            FaultProxy.Builder proxy = FaultProxy.builder(moto.endpoint())
                    .awsToday(declaration.shape() == AwsShape.AWS_TODAY)
                    .learnMotoAccounts(true);
            for (DeclaredOrganization.Account account : declared.accounts()) {
                if (!account.enabledRegions().isEmpty()) {
                    proxy.enabledRegions(org.account(account.name()).id(), account.enabledRegions());
                }
            }
            CoveTestEnvironment environment = new CoveTestEnvironment(moto, org, proxy.start());
            LOG.info("{}: moto at {} with {}, through {}; ready in {} ms", testClass.getSimpleName(), moto.endpoint(),
                    org, environment.proxy, Duration.ofNanos(System.nanoTime() - started).toMillis());
            return environment;
        } catch (RuntimeException e) {
            moto.close();
            throw e;
        }
    }

    MotoServer moto() {
        return moto;
    }

    OrgFixture org() {
        return org;
    }

    FaultProxy proxy() {
        return proxy;
    }

    /** Stops the proxy, then moto. Idempotent. */
    @Override
    public void close() {
        try {
            proxy.close();
        } finally {
            moto.close();
        }
    }
}
