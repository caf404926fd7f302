package dev.cove.cli;

import dev.cove.CoveCounts;
import dev.cove.CoveResult;
import dev.cove.cli.exec.ChildFailedException;
import dev.cove.cli.exec.Durations;
import dev.cove.cli.output.ExceptionDetails;
import dev.cove.cli.output.FailureGroups;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The summary {@code cove exec} prints on stderr when it ends: one line of counts, then the failures grouped by
 * cause in at most {@value #GROUP_LINES} more lines.
 */
final class Summary {

    /** The most lines the failure groups take; when there are more groups, the last line counts the rest. */
    static final int GROUP_LINES = 5;

    private Summary() {
    }

    /**
     * Describes a run: the line of counts, then one indented line per cause of failure, e.g.
     * <pre>
     * cove: 24 targets in 3.2s: 21 succeeded, 1 exception, 2 failed assume-role
     *   AccessDenied ×2 (111111111111, 222222222222)
     *   command exited with code 3 ×1 (333333333333)
     * </pre>
     *
     * @param counts how many targets ended how
     * @param failures the failures, grouped by cause
     * @param wallTime how long the command ran
     * @param interrupted whether the run was stopped by a signal
     * @return the lines
     */
    static List<String> lines(CoveCounts counts, FailureGroups failures, Duration wallTime, boolean interrupted) {
        List<String> lines = new ArrayList<>();
        lines.add(line(counts, wallTime, interrupted));
        failures.summaryLines(GROUP_LINES).forEach(group -> lines.add("  " + group));
        return lines;
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

    /**
     * Describes a failed target for the grouping by cause.
     *
     * @param result an exception or a failed role assumption
     * @return the failure
     */
    static FailureGroups.Failure failure(CoveResult<?> result) {
        Throwable exception = result.exception();
        String details = ExceptionDetails.describe(exception);
        String hint = exception instanceof ChildFailedException failed && failed.outcome() != null
                ? FailureGroups.lastLine(failed.outcome().stderr()) : null;
        return new FailureGroups.Failure(result.outcome().label(),
                FailureGroups.cause(ExceptionDetails.errorCode(exception), details),
                result.id(), result.info().name(), result.region(), details, hint);
    }
}
