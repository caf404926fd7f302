package dev.cove.testkit;

import java.net.URI;
import java.util.Objects;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives each test an empty moto: it uses {@link MotoServer#shared()}
 * and resets it before every test.
 *
 * <p>Use it as {@code @RegisterExtension static MotoExtension moto = new MotoExtension();} and
 * call {@link #endpoint()}, or as {@code @ExtendWith(MotoExtension.class)} and declare a
 * {@link MotoServer} parameter on a test, lifecycle method or constructor. Because every test
 * shares one server, test classes using it must not run concurrently.
 */
public final class MotoExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    /** Creates the extension; the shared server starts when the first test class needs it. */
    public MotoExtension() {
    }

    /**
     * Starts the shared server if it is not running yet.
     *
     * @throws IllegalStateException if moto is not installed, so the test class fails
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        MotoServer.shared();
    }

    /** Resets the shared server so every test starts from an empty moto. */
    @Override
    public void beforeEach(ExtensionContext context) {
        MotoServer.shared().reset();
    }

    /** Returns true for parameters of type {@link MotoServer}. */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MotoServer.class;
    }

    /** Returns the shared server. */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return MotoServer.shared();
    }

    /**
     * Returns the shared server, starting it if needed.
     *
     * @return the shared server
     */
    public MotoServer server() {
        return MotoServer.shared();
    }

    /**
     * Returns the shared server's endpoint, starting it if needed.
     *
     * @return the endpoint
     */
    public URI endpoint() {
        return server().endpoint();
    }

    /**
     * Returns the endpoint that answers in {@code shape}: the shared server's endpoint for
     * {@link AwsShape#MOTO}; for {@link AwsShape#AWS_TODAY}, the endpoint of one AWS-today
     * {@link FaultProxy} in front of the shared server, started on first use and closed when the
     * JVM exits (see {@link AwsShape#endpoint(URI)}).
     *
     * @param shape how the endpoint should answer
     * @return the endpoint
     */
    public URI endpoint(AwsShape shape) {
        return Objects.requireNonNull(shape, "shape").endpoint(endpoint());
    }
}
