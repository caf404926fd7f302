package dev.cove.cli;

import dev.cove.CoveCounts;
import dev.cove.cli.exec.Durations;
import java.time.Duration;

/** The one-line summary {@code cove exec} prints on stderr when it ends. */
final class Summary {

    private Summary() {
    }

    /**
     * Describes a run, e.g. {@code cove: 24 targets in 3.2s: 22 succeeded, 1 exception, 1 failed assume-role};
     * interrupted and skipped targets are counted when there are any.
     *
     * @param counts how many targets ended how
     * @param wallTime how long the command ran
     * @param interrupted whether the run was stopped by a signal
     * @return the line
     */
    static String line(CoveCounts counts, Duration wallTime, boolean interrupted) {
        return "cove: " + targets(counts.total()) + " in " + Durations.format(wallTime) + ": " + outcomes(counts)
                + (interrupted ? " (interrupted)" : "");
    }

    /**
     * Names a number of targets, e.g. {@code 1 target}, {@code 24 targets}.
     *
     * @param n the number
     * @return the words
     */
    static String targets(int n) {
        return n + (n == 1 ? " target" : " targets");
    }

    /**
     * Counts targets by outcome, e.g. {@code 22 succeeded, 1 exception, 1 failed assume-role}; interrupted and
     * skipped targets only when there are any.
     *
     * @param counts how many targets ended how
     * @return the words
     */
    static String outcomes(CoveCounts counts) {
        StringBuilder line = new StringBuilder()
                .append(counts.results()).append(" succeeded, ")
                .append(counts.exceptions()).append(counts.exceptions() == 1 ? " exception" : " exceptions")
                .append(", ").append(counts.failedAssumeRole()).append(" failed assume-role");
        if (counts.interrupted() > 0) {
            line.append(", ").append(counts.interrupted()).append(" interrupted");
        }
        if (counts.skipped() > 0) {
            line.append(", ").append(counts.skipped()).append(" skipped");
        }
        return line.toString();
    }
}
