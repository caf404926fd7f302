package dev.cove;

/**
 * The code Cove runs in every target: it receives one account × region session and returns a result.
 *
 * <p>Implementations must be thread-safe: Cove calls the same function concurrently for many
 * targets, each with its own {@link CoveSession}.
 *
 * @param <T> the type of the result
 */
@FunctionalInterface
public interface CoveFunction<T> {

    /**
     * Runs against one target.
     *
     * @param session the target's session; valid only until this method returns
     * @return the target's result, may be null
     * @throws Exception any failure; Cove records it as the target's exception
     */
    T apply(CoveSession session) throws Exception;
}
