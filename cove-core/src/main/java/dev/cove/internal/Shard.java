package dev.cove.internal;

/**
 * Which share of a run's targets this run takes: the {@code index}-th of {@code count} disjoint shares (see
 * {@link RunPlan#share}).
 *
 * @param index which share, 0-based
 * @param count how many shares
 */
public record Shard(int index, int count) {

    /** The most shares a run may be split into. */
    static final int MAX_COUNT = 100_000;

    /**
     * Checks a shard setting.
     *
     * @param shard the setting, or null for none
     * @return the shard, or null
     * @throws dev.cove.CoveConfigurationException when the count or the index is out of range
     */
    static Shard check(Shard shard) {
        if (shard == null) {
            return null;
        }
        if (shard.count < 1 || shard.count > MAX_COUNT) {
            throw Validation.fail("shard", shard.toString(), "the number of shards must be 1 to " + MAX_COUNT
                    + ", got " + shard.count);
        }
        if (shard.index < 0 || shard.index >= shard.count) {
            throw Validation.fail("shard", shard.toString(), "the shard index must be 0 to " + (shard.count - 1)
                    + " for " + shard.count + " shards (it counts from 0), got " + shard.index);
        }
        return shard;
    }

    /**
     * Returns the shard as {@code --shard} takes it.
     *
     * @return {@code index/count}, e.g. {@code 0/3}
     */
    @Override
    public String toString() {
        return index + "/" + count;
    }
}
