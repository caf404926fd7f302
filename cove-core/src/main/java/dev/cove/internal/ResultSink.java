package dev.cove.internal;

import dev.cove.CoveListener;
import dev.cove.CoveOutput;
import dev.cove.CoveResult;
import dev.cove.CoveTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects outcomes by target position (so the output is sorted without sorting), tells the listener
 * and the progress bar of each one, serialized, and contains the listener's failures.
 *
 * @param <T> the result type
 */
final class ResultSink<T> {

    private static final Logger LOG = LoggerFactory.getLogger(ResultSink.class);

    private final AtomicReferenceArray<CoveResult<T>> outcomes;
    private final CoveListener<T> listener;
    private final ProgressBar progress;
    private final ReentrantLock lock = new ReentrantLock();

    @SuppressWarnings("unchecked") // CoveResult is immutable, so a CoveResult<T> is safely a CoveResult<? super T>
    ResultSink(int size, CoveListener<? super T> listener, ProgressBar progress) {
        this.outcomes = new AtomicReferenceArray<>(size);
        this.listener = (CoveListener<T>) listener;
        this.progress = progress;
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

    void accept(int position, CoveResult<T> outcome) {
        outcomes.set(position, outcome);
        lock.lock();
        try {
            if (progress != null) {
                progress.update(outcome.outcome().failed());
            }
            try {
                listener.onResult(outcome);
            } catch (RuntimeException | AssertionError | LinkageError e) {
                LOG.warn("Listener failed on the outcome of account {} region {}; the run goes on", outcome.id(),
                        outcome.region(), e);
            }
        } finally {
            lock.unlock();
        }
    }

    void finish() {
        if (progress != null) {
            lock.lock();
            try {
                progress.finish();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Returns every outcome, split by kind; positions that never reported become skipped targets.
     *
     * @param skipped makes the skipped outcome of a position
     * @return the output
     */
    CoveOutput<T> output(IntFunction<CoveResult<T>> skipped) {
        List<CoveResult<T>> results = new ArrayList<>();
        List<CoveResult<T>> exceptions = new ArrayList<>();
        List<CoveResult<T>> failedAssumeRole = new ArrayList<>();
        List<CoveResult<T>> notStarted = new ArrayList<>();
        for (int i = 0; i < outcomes.length(); i++) {
            CoveResult<T> outcome = outcomes.get(i);
            if (outcome == null) {
                outcome = skipped.apply(i);
            }
            switch (outcome.outcome()) {
                case RESULT -> results.add(outcome);
                case EXCEPTION -> exceptions.add(outcome);
                case FAILED_ASSUME_ROLE -> failedAssumeRole.add(outcome);
                case SKIPPED -> notStarted.add(outcome);
            }
        }
        return new CoveOutput<>(results, exceptions, failedAssumeRole, notStarted);
    }
}
