package dev.cove.internal;

import dev.cove.CoveCounts;
import dev.cove.CoveListener;
import dev.cove.CoveOutcome;
import dev.cove.CoveOutput;
import dev.cove.CoveResult;
import dev.cove.CoveTarget;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes each target's outcome, once per target position: tells the listener and the progress bar of it,
 * serialized, contains the listener's failures, counts it, and keeps it by position (so the output is
 * sorted without sorting) unless the run streams. A second outcome for a position already reported (a
 * target that ended after the run gave up waiting for it) is dropped.
 *
 * @param <T> the result type
 */
final class ResultSink<T> {

    private static final Logger LOG = LoggerFactory.getLogger(ResultSink.class);

    private final CoveListener<T> listener;
    private final ProgressBar progress;
    private final ReentrantLock lock = new ReentrantLock();
    private final int size;
    // guarded by lock
    private final BitSet reported;
    // guarded by lock; null when the run streams and keeps no outcome
    private final List<CoveResult<T>> kept;
    // guarded by lock
    private final Map<CoveOutcome, Integer> counts = new EnumMap<>(CoveOutcome.class);

    /**
     * Creates the sink of a run.
     *
     * @param size the number of targets
     * @param listener told of each outcome
     * @param progress the progress bar, or null
     * @param keep whether to keep every outcome for {@link #output()}; false for a run that streams
     */
    @SuppressWarnings("unchecked") // CoveResult is immutable, so a CoveResult<T> is safely a CoveResult<? super T>
    ResultSink(int size, CoveListener<? super T> listener, ProgressBar progress, boolean keep) {
        this.size = size;
        this.listener = (CoveListener<T>) listener;
        this.progress = progress;
        this.reported = new BitSet(size);
        this.kept = keep ? new ArrayList<>(Collections.nCopies(size, null)) : null;
    }

    void start(List<CoveTarget> targets) {
        lock.lock();
        try {
            listener.onStart(targets);
        } catch (RuntimeException | AssertionError | LinkageError e) {
            LOG.warn("Listener failed on the start of the run; the run goes on", e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Reports a target's outcome, unless its position was reported already.
     *
     * @param position the target's place in the output
     * @param outcome its outcome
     * @return false when the position was reported already and this outcome was dropped
     */
    boolean accept(int position, CoveResult<T> outcome) {
        lock.lock();
        try {
            if (reported.get(position)) {
                LOG.debug("Account {} region {} ended after its outcome was reported; dropped: {}", outcome.id(),
                        outcome.region(), outcome.outcome().label());
                return false;
            }
            reported.set(position);
            if (kept != null) {
                kept.set(position, outcome);
            }
            counts.merge(outcome.outcome(), 1, Integer::sum);
            if (progress != null) {
                progress.update(outcome.outcome().failed());
            }
            try {
                listener.onResult(outcome);
            } catch (RuntimeException | AssertionError | LinkageError e) {
                LOG.warn("Listener failed on the outcome of account {} region {}; the run goes on", outcome.id(),
                        outcome.region(), e);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Reports every position not reported yet, in position order, then finishes the progress bar.
     *
     * @param missing makes the outcome of a position that never reported (skipped, or interrupted)
     */
    void finish(IntFunction<CoveResult<T>> missing) {
        lock.lock();
        try {
            for (int position = reported.nextClearBit(0); position < size;
                    position = reported.nextClearBit(position + 1)) {
                accept(position, missing.apply(position));
            }
            if (progress != null) {
                progress.finish();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns how many targets ended with each outcome so far.
     *
     * @return the counts
     */
    CoveCounts counts() {
        lock.lock();
        try {
            return new CoveCounts(counts.getOrDefault(CoveOutcome.RESULT, 0),
                    counts.getOrDefault(CoveOutcome.EXCEPTION, 0),
                    counts.getOrDefault(CoveOutcome.FAILED_ASSUME_ROLE, 0),
                    counts.getOrDefault(CoveOutcome.INTERRUPTED, 0),
                    counts.getOrDefault(CoveOutcome.SKIPPED, 0));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns every kept outcome, split by kind, once {@link #finish} has reported every position.
     *
     * @return the output; empty lists when the run streamed
     */
    CoveOutput<T> output() {
        List<CoveResult<T>> results = new ArrayList<>();
        List<CoveResult<T>> exceptions = new ArrayList<>();
        List<CoveResult<T>> failedAssumeRole = new ArrayList<>();
        List<CoveResult<T>> skipped = new ArrayList<>();
        List<CoveResult<T>> interrupted = new ArrayList<>();
        lock.lock();
        try {
            for (CoveResult<T> outcome : kept == null ? List.<CoveResult<T>>of() : kept) {
                switch (outcome.outcome()) {
                    case RESULT -> results.add(outcome);
                    case EXCEPTION -> exceptions.add(outcome);
                    case FAILED_ASSUME_ROLE -> failedAssumeRole.add(outcome);
                    case SKIPPED -> skipped.add(outcome);
                    case INTERRUPTED -> interrupted.add(outcome);
                }
            }
        } finally {
            lock.unlock();
        }
        return new CoveOutput<>(results, exceptions, failedAssumeRole, skipped, interrupted);
    }
}
