package dev.cove;

/**
 * A {@link CoveFunction} that also receives an argument, the same for every target (botocove's extra
 * arguments to a decorated function).
 *
 * @param <A> the type of the argument
 * @param <T> the type of the result
 */
@FunctionalInterface
public interface CoveBiFunction<A, T> {

    /**
     * Runs against one target.
     *
     * @param session the target's session; valid only until this method returns
     * @param arg the argument given to the wrapped function, shared by every target
     * @return the target's result, may be null
     * @throws Exception any failure; Cove records it as the target's exception
     */
    T apply(CoveSession session, A arg) throws Exception;
}
