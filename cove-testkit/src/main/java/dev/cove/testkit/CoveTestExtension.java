package dev.cove.testkit;

import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link CoveTest}, which registers it: there is no need to name it.
 *
 * <p>For the outermost test class annotated with {@link CoveTest} it starts moto, builds the declared
 * organization and starts the fault proxy (before the first callback or parameter that needs them, so also for
 * {@code @TestInstance(PER_CLASS)} constructors), shares them with the class's {@code @Nested} classes, clears
 * the proxy's rules and recorded requests before each test, and stops the proxy and moto after the class. It
 * resolves parameters of type {@code dev.cove.Cove.Builder}, {@link FaultProxy}, {@link OrgFixture} and
 * {@link MotoServer}. Test classes may run in parallel: each has its own moto.
 */
public final class CoveTestExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CoveTestExtension.class);
    private static final String ENVIRONMENT = "environment";

    /** Creates the extension; JUnit does, for every class annotated with {@link CoveTest}. */
    public CoveTestExtension() {
    }

    /** Sets up moto, the organization and the proxy for the class, unless an enclosing class did. */
    @Override
    public void beforeAll(ExtensionContext context) {
        environment(context);
    }

    /** Clears the proxy's fault rules and recorded requests, so that every test starts without faults. */
    @Override
    public void beforeEach(ExtensionContext context) {
        FaultProxy proxy = environment(context).proxy();
        proxy.clearRules();
        proxy.clear();
    }

    /** Stops the proxy and moto after the class that owns them. */
    @Override
    public void afterAll(ExtensionContext context) {
        if (owner(context) == context) {
            CoveTestEnvironment environment = context.getStore(NAMESPACE).remove(ENVIRONMENT, CoveTestEnvironment.class);
            if (environment != null) {
                environment.close();
            }
        }
    }

    /** Returns true for parameters of type {@code dev.cove.Cove.Builder}, FaultProxy, OrgFixture and MotoServer. */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return CoveBuilders.isBuilder(type) || type == FaultProxy.class || type == OrgFixture.class
                || type == MotoServer.class;
    }

    /** Returns a new Cove.Builder pointed at the proxy, or the class's proxy, organization or moto server. */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        CoveTestEnvironment environment = environment(context);
        if (type == FaultProxy.class) {
            return environment.proxy();
        }
        if (type == OrgFixture.class) {
            return environment.org();
        }
        if (type == MotoServer.class) {
            return environment.moto();
        }
        return CoveBuilders.pointedAt(type, environment.proxy().endpoint());
    }

    private static CoveTestEnvironment environment(ExtensionContext context) {
        ExtensionContext owner = owner(context);
        CoveTest declaration = declaration(owner).orElseThrow();
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(ENVIRONMENT,
                key -> CoveTestEnvironment.start(declaration, owner.getRequiredTestClass()), CoveTestEnvironment.class);
    }

    /** Returns the class-level context of the outermost enclosing class annotated with {@link CoveTest}. */
    private static ExtensionContext owner(ExtensionContext context) {
        ExtensionContext owner = null;
        for (ExtensionContext current = context; current != null; current = current.getParent().orElse(null)) {
            if (current.getTestMethod().isEmpty() && declaration(current).isPresent()) {
                owner = current;
            }
        }
        if (owner == null) {
            throw new IllegalStateException("CoveTestExtension needs @CoveTest on the test class "
                    + context.getTestClass().map(Class::getName).orElse("(none)"));
        }
        return owner;
    }

    private static Optional<CoveTest> declaration(ExtensionContext context) {
        return context.getTestClass().map(type -> type.getAnnotation(CoveTest.class));
    }
}
