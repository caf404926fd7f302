package dev.cove.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Maps items on virtual threads, a bounded number at a time, and rethrows the first failure as it was thrown. */
final class Bounded {

    private Bounded() {
    }

    /**
     * Applies {@code fn} to every item, at most {@code concurrency} at once.
     *
     * @param items the items
     * @param concurrency the most calls in flight
     * @param threadName the prefix of the threads' names
     * @param fn what to do with one item
     * @param <T> the item type
     * @param <R> the result type
     * @return the results, in the items' order
     * @throws RuntimeException the first exception {@code fn} threw, unwrapped
     */
    static <T, R> List<R> map(Collection<T> items, int concurrency, String threadName, Function<T, R> fn) {
        List<R> results = new ArrayList<>(items.size());
        if (items.isEmpty()) {
            return results;
        }
        try (ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, items.size())),
                Thread.ofVirtual().name(threadName, 0).factory())) {
            List<Callable<R>> tasks = new ArrayList<>(items.size());
            for (T item : items) {
                tasks.add(() -> fn.apply(item));
            }
            for (Future<R> future : executor.invokeAll(tasks)) {
                results.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while " + threadName + " was at work", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
        return results;
    }
}
