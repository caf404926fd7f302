package dev.cove.cli.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;

/**
 * How long the targets ran, from the records' {@code DurationMs} and {@code StartedAt}: the run's wall time, the
 * slowest targets, percentiles, and a histogram with one bar per duration bucket (buckets grow 1-2-5, so that
 * 40 ms and 40 minutes fit on one axis), each bar split by outcome. Records without {@code DurationMs} are left
 * out and counted.
 */
public final class Timings {

    /** Bucket bounds in milliseconds: 1, 2, 5, 10, 20, 50, … ms; 1, 2, 5, 10, 20, 30 s; 1, 2, 5, 10, 20, 30 min; 1, 2, 6, 12, 24 h. */
    private static final long[] BOUNDS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000,
        30_000, 60_000, 120_000, 300_000, 600_000, 1_200_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000,
        43_200_000, 86_400_000};

    /**
     * One target among the slowest.
     *
     * @param record its record
     * @param duration how long it ran, e.g. {@code 12.4s}
     */
    public record Slow(LedgerRecord record, String duration) {

        /**
         * Returns the CSS class of its outcome.
         *
         * @return the CSS class of its outcome
         */
        public String css() {
            return Tally.css(record.outcome());
        }
    }

    /**
     * One bucket of the histogram.
     *
     * @param from its lower bound, e.g. {@code 500ms}
     * @param to its upper bound, e.g. {@code 1s}
     * @param tally its targets by outcome
     */
    public record Bucket(String from, String to, Tally tally) {
    }

    private final List<Slow> slowest;
    private final List<Bucket> buckets;
    private final int timed;
    private final int untimed;
    private final int neverRan;
    private final long[] percentiles;
    private final Instant start;
    private final Instant end;

    private Timings(List<Slow> slowest, List<Bucket> buckets, int timed, int untimed, int neverRan,
            long[] percentiles, Instant start, Instant end) {
        this.slowest = slowest;
        this.buckets = buckets;
        this.timed = timed;
        this.untimed = untimed;
        this.neverRan = neverRan;
        this.percentiles = percentiles;
        this.start = start;
        this.end = end;
    }

    /**
     * Measures a run.
     *
     * @param records one per target
     * @param slowestShown how many of the slowest targets to keep
     * @return the measures
     */
    static Timings of(List<LedgerRecord> records, int slowestShown) {
        Comparator<LedgerRecord> byDuration = Comparator.comparingLong(LedgerRecord::durationMs)
                .thenComparing(LedgerRecord::id, Comparator.reverseOrder());
        PriorityQueue<LedgerRecord> slow = new PriorityQueue<>(byDuration);
        long[] millis = new long[records.size()];
        Tally[] tallies = new Tally[BOUNDS.length + 1];
        int timed = 0;
        int untimed = 0;
        int neverRan = 0;
        Instant start = null;
        Instant end = null;
        for (LedgerRecord record : records) {
            if (record.startedAt() != null) {
                start = start == null || record.startedAt().isBefore(start) ? record.startedAt() : start;
                Instant ended = record.startedAt().plusMillis(Math.max(0, record.durationMs()));
                end = end == null || ended.isAfter(end) ? ended : end;
            }
            if (!record.timed()) {
                if (record.outcome().equals(LedgerRecord.SKIPPED)) {
                    neverRan++;
                } else {
                    untimed++;
                }
                continue;
            }
            millis[timed++] = record.durationMs();
            int bucket = bucket(record.durationMs());
            if (tallies[bucket] == null) {
                tallies[bucket] = new Tally();
            }
            tallies[bucket].add(record.outcome());
            if (slow.size() < slowestShown || byDuration.compare(record, slow.peek()) > 0) {
                slow.add(record);
                if (slow.size() > slowestShown) {
                    slow.poll();
                }
            }
        }
        List<Slow> slowest = new ArrayList<>();
        slow.stream().sorted(byDuration.reversed())
                .forEach(record -> slowest.add(new Slow(record, format(record.durationMs()))));
        long[] sorted = Arrays.copyOf(millis, timed);
        Arrays.sort(sorted);
        long[] percentiles = timed == 0 ? new long[0] : new long[] {
            sorted[index(timed, 0.5)], sorted[index(timed, 0.9)], sorted[index(timed, 0.99)], sorted[timed - 1]};
        return new Timings(slowest, buckets(tallies), timed, untimed, neverRan, percentiles, start, end);
    }

    private static List<Bucket> buckets(Tally[] tallies) {
        int first = 0;
        while (first < tallies.length && tallies[first] == null) {
            first++;
        }
        int last = tallies.length - 1;
        while (last >= 0 && tallies[last] == null) {
            last--;
        }
        List<Bucket> buckets = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            String from = i == 0 ? "0ms" : format(BOUNDS[i - 1]);
            String to = i == BOUNDS.length ? "∞" : format(BOUNDS[i]);
            buckets.add(new Bucket(from, to, tallies[i] == null ? new Tally() : tallies[i]));
        }
        return buckets;
    }

    /** The bucket of a duration: bucket i holds [BOUNDS[i-1], BOUNDS[i]). */
    private static int bucket(long millis) {
        int i = 0;
        while (i < BOUNDS.length && millis >= BOUNDS[i]) {
            i++;
        }
        return i;
    }

    private static int index(int size, double quantile) {
        return Math.min(size - 1, (int) Math.ceil(quantile * size) - 1);
    }

    /**
     * Formats milliseconds briefly: {@code 850ms}, {@code 1.2s}, {@code 42s}, {@code 3m05s}, {@code 1h20m}.
     *
     * @param millis the duration
     * @return the text
     */
    static String format(long millis) {
        if (millis < 1_000) {
            return millis + "ms";
        }
        if (millis < 10_000) {
            String seconds = String.format(Locale.ROOT, "%.1f", millis / 1000.0);
            return (seconds.endsWith(".0") ? seconds.substring(0, seconds.length() - 2) : seconds) + "s";
        }
        Duration duration = Duration.ofMillis(millis);
        if (millis < 60_000) {
            return duration.toSeconds() + "s";
        }
        if (millis < 3_600_000) {
            return duration.toMinutes() + "m" + (duration.toSecondsPart() == 0 ? ""
                    : String.format(Locale.ROOT, "%02ds", duration.toSecondsPart()));
        }
        return duration.toHours() + "h" + (duration.toMinutesPart() == 0 ? ""
                : String.format(Locale.ROOT, "%02dm", duration.toMinutesPart()));
    }

    /**
     * Returns the slowest targets.
     *
     * @return slowest first
     */
    public List<Slow> slowest() {
        return slowest;
    }

    List<Bucket> buckets() {
        return buckets;
    }

    /** Records with a duration. */
    int timed() {
        return timed;
    }

    /** Records of targets that ran, or may have, but carry no duration. */
    int untimed() {
        return untimed;
    }

    /** Records of skipped targets without a duration: they never ran. */
    int neverRan() {
        return neverRan;
    }

    /** The median, 90th and 99th percentiles and the longest, in milliseconds; empty without durations. */
    long[] percentiles() {
        return percentiles.clone();
    }

    /** The first {@code StartedAt}, or null. */
    Instant start() {
        return start;
    }

    /** The last end ({@code StartedAt} + {@code DurationMs}), or null. */
    Instant end() {
        return end;
    }
}
