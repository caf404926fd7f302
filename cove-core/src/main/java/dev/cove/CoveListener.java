package dev.cove;

import java.util.List;

/**
 * Receives each target's outcome as soon as it is known, for streaming output and progress.
 *
 * <p>Cove serializes the calls, so an implementation needs no locking of its own. An exception, an
 * {@link AssertionError} or a {@link LinkageError} thrown by the listener is logged and contained: it never
 * breaks the run or changes any outcome. Errors of the JVM itself (such as {@link OutOfMemoryError}) are
 * not contained.
 *
 * @param <T> the type of the function's result
 */
@FunctionalInterface
public interface CoveListener<T> {

    /**
     * Called once, as soon as every target of the run is known: a progress display learns its total here
     * without resolving the organization a second time. Does nothing by default.
     *
     * <p>When every account of the organization is selected (no target IDs, targets file, plan or shard, no
     * region lookup and no filter on OU paths or tags), targets start while the organization is still being
     * listed, so {@link #onResult} may be called for some targets before this; otherwise it is called before
     * any target starts. It is not called when the run fails before its targets are known, nor when the run
     * is interrupted before the listing ends (the outcomes of the targets known by then are still reported).
     *
     * @param targets every target of the run, in output order
     */
    default void onStart(List<CoveTarget> targets) {
    }

    /**
     * Called exactly once per target of the run, whatever ends the run: when the target has finished
     * (returned, thrown, failed to assume its role, or was stopped mid-way), and, for the targets that never
     * started because the run stopped early, as {@link CoveOutcome#SKIPPED} before {@code run} returns or
     * throws. A listener that writes each outcome therefore holds a complete ledger of the run.
     *
     * @param result the target's outcome
     */
    void onResult(CoveResult<T> result);
}
