package dev.cove.internal;

import dev.cove.CoveCounts;
import dev.cove.CoveListener;
import dev.cove.CoveOutcome;
import dev.cove.CoveOutput;
import dev.cove.CoveResult;
import dev.cove.CoveTarget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes each target's outcome, once per target slot: tells the listener and the progress bar of it,
 * serialized, contains the listener's failures, counts it, and keeps it by slot unless the run streams. Slots
 * are added as accounts join the run (see {@link Admissions}); the output is sorted by account ID, then slot. A
 * second outcome for a slot already reported (a target that ended after the run gave up waiting for it) is
 * dropped.
 *
 * @param <T> the result type
 */
final class ResultSink<T> {

    private static final Logger LOG = LoggerFactory.getLogger(ResultSink.class);

    private final CoveListener<T> listener;
    private final ProgressBar progress;
    private final ReentrantLock lock = new ReentrantLock();
    // guarded by lock
    private int size;
    // guarded by lock
    private final BitSet reported = new BitSet();
    // guarded by lock; null when the run streams and keeps no outcome
    private final List<CoveResult<T>> kept;
    // guarded by lock
    private final Map<CoveOutcome, Integer> counts = new EnumMap<>(CoveOutcome.class);

    /**
     * Creates the sink of a run, with no slot yet.
     *
     * @param listener told of each outcome
     * @param progress the progress bar, or null
     * @param keep whether to keep every outcome for {@link #output()}; false for a run that streams
     */
    @SuppressWarnings("unchecked") // CoveResult is immutable, so a CoveResult<T> is safely a CoveResult<? super T>
    ResultSink(CoveListener<? super T> listener, ProgressBar progress, boolean keep) {
        this.listener = (CoveListener<T>) listener;
        this.progress = progress;
        this.kept = keep ? new ArrayList<>() : null;
    }

    /**
     * Adds the slots of an account that joined the run.
     *
     * @param targets the account's number of targets
     */
    void grow(int targets) {
        lock.lock();
        try {
            size += targets;
            if (kept != null) {
                kept.addAll(Collections.nCopies(targets, null));
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The plan is complete: tells the listener of every target, and the progress bar of the total.
     *
     * @param targets every target of the run, in output order
     */
    void planned(List<CoveTarget> targets) {
        lock.lock();
        try {
            if (progress != null) {
                progress.total(targets.size());
            }
            listener.onStart(targets);
        } catch (RuntimeException | AssertionError | LinkageError e) {
            LOG.warn("Listener failed on the start of the run; the run goes on", e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Reports a target's outcome, unless its slot was reported already.
     *
     * @param position the target's slot
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
     * Reports every slot not reported yet, in slot order, then finishes the progress bar.
     *
     * @param missing makes the outcome of a slot that never reported (skipped, or interrupted)
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
     * Returns every kept outcome, split by kind and sorted by account ID, then by the account's region order,
     * once {@link #finish} has reported every slot.
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
            for (CoveResult<T> outcome : sorted()) {
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

    /** The kept outcomes by account ID, then slot (an account's slots follow its region order). */
    private List<CoveResult<T>> sorted() {
        if (kept == null) {
            return List.of();
        }
        Integer[] slots = new Integer[kept.size()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = i;
        }
        // Slots of a plan known before the first target are sorted already, which the merge sort finds in one pass.
        Arrays.sort(slots, Comparator.<Integer, String>comparing(i -> kept.get(i).id()).thenComparingInt(i -> i));
        List<CoveResult<T>> sorted = new ArrayList<>(slots.length);
        for (Integer slot : slots) {
            sorted.add(kept.get(slot));
        }
        return sorted;
    }
}
