package dev.cove;

import java.util.List;

/**
 * Every outcome of a run, split the way botocove splits them. Each list is sorted by account ID, then by
 * the order the regions were given, and every target of the run is in exactly one list.
 *
 * @param results targets where the function returned
 * @param exceptions targets where the role was assumed and the function threw
 * @param failedAssumeRole targets whose role could not be assumed
 * @param <T> the type of the function's result
 */
public record CoveOutput<T>(
        List<CoveResult<T>> results,
        List<CoveResult<T>> exceptions,
        List<CoveResult<T>> failedAssumeRole) {

    /** Copies the lists so the record stays immutable. */
    public CoveOutput {
        results = List.copyOf(results);
        exceptions = List.copyOf(exceptions);
        failedAssumeRole = List.copyOf(failedAssumeRole);
    }

    /**
     * Returns the number of targets the run accounted for.
     *
     * @return the size of all lists together
     */
    public int size() {
        return results.size() + exceptions.size() + failedAssumeRole.size();
    }

    /**
     * Returns whether every target's function returned.
     *
     * @return true when there are no exceptions and no failed role assumptions
     */
    public boolean allSucceeded() {
        return exceptions.isEmpty() && failedAssumeRole.isEmpty();
    }
}
