package dev.cove.testkit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Makes the {@code dev.cove.Cove.Builder} that {@link CoveTest} injects, through reflection on the cove-core
 * of the test's class path.
 *
 * <p>Reflection because cove-core's own tests use this test kit: the kit cannot depend on cove-core at build
 * time, or the two modules would depend on each other, which Maven refuses. The methods called are
 * {@code Cove.builder()} and the builder's {@code assumingCredentials}, {@code assumingRegion},
 * {@code endpointOverride} and {@code progress}, all public API of cove-core, which its API compatibility check
 * keeps; cove-examples' tests inject a builder and run it, so a change that breaks this fails the build.
 */
final class CoveBuilders {

    /** The binary name of {@code dev.cove.Cove.Builder}. */
    static final String BUILDER_CLASS = "dev.cove.Cove$Builder";

    private CoveBuilders() {
    }

    /** Tells whether {@code type} is {@code dev.cove.Cove.Builder}. */
    static boolean isBuilder(Class<?> type) {
        return type.getName().equals(BUILDER_CLASS);
    }

    /**
     * Returns a new {@code Cove.Builder} (of the class {@code builderType}, which {@link #isBuilder} accepted)
     * that sends every call to {@code endpoint} as moto's management account, in {@link Moto#REGION}, with no
     * progress bar.
     *
     * @throws IllegalStateException if that cove-core lacks one of the methods, naming it
     */
    static Object pointedAt(Class<?> builderType, URI endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        Class<?> cove = builderType.getDeclaringClass();
        Object builder = invoke(method(cove, "builder"), null);
        invoke(method(builderType, "assumingCredentials", AwsCredentialsProvider.class), builder, Moto.credentials());
        invoke(method(builderType, "assumingRegion", Region.class), builder, Moto.REGION);
        invoke(method(builderType, "endpointOverride", URI.class), builder, endpoint);
        invoke(method(builderType, "progress", boolean.class), builder, false);
        return builder;
    }

    private static Method method(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("the cove-core on the class path has no " + type.getName() + "."
                    + name + "; use a cove-core of the same version as cove-testkit", e);
        }
    }

    private static Object invoke(Method method, Object target, Object... arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method + " from the test kit", e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(method + " failed", e.getCause());
        }
    }
}
