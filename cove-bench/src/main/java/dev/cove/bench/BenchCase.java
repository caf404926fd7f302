package dev.cove.bench;

/**
 * One configuration of the benchmark matrix.
 *
 * @param backend {@code stub} or {@code moto}
 * @param accounts member accounts the run visits
 * @param regions regions per account
 * @param workers Cove's {@code threadWorkers}
 * @param latencyMillis latency added to every request
 */
public record BenchCase(String backend, int accounts, int regions, int workers, int latencyMillis) {

    /**
     * Returns a file-name-safe name, e.g. {@code stub-1500x3-w200}.
     *
     * @return the name
     */
    public String name() {
        return backend + "-" + accounts + "x" + regions + "-w" + workers;
    }

    /**
     * Returns the number of account × region targets.
     *
     * @return accounts times regions
     */
    public int targets() {
        return accounts * regions;
    }
}
