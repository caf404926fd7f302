package dev.cove.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Maps a list on a bounded number of virtual threads, keeping order and failing fast. */
final class Parallel {

    private Parallel() {
    }

    /**
     * Applies {@code task} to every item with at most {@code concurrency} calls in flight.
     *
     * @param what names one item in error messages, e.g. {@code item -> "CreateAccount " + item}
     * @return the results, in the order of {@code items}
     * @throws IllegalStateException wrapping the first failure, after cancelling the rest
     */
    static <T, R> List<R> map(List<T> items, int concurrency, Function<T, String> what,
            Function<T, R> task) {
        if (items.isEmpty()) {
            return List.of();
        }
        int threads = Math.min(concurrency, items.size());
        try (ExecutorService executor = Executors.newFixedThreadPool(threads,
                Thread.ofVirtual().name("cove-testkit-", 0).factory())) {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(executor.submit(() -> task.apply(item)));
            }
            List<R> results = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                try {
                    results.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    executor.shutdownNow();
                    throw new IllegalStateException(what.apply(items.get(i)) + " failed: "
                            + e.getCause().getMessage(), e.getCause());
                } catch (InterruptedException e) {
                    executor.shutdownNow();
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted during " + what.apply(items.get(i)), e);
                }
            }
            return results;
        }
    }
}
