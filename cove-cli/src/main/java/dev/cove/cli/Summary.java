package dev.cove.cli;

import dev.cove.CoveOutput;
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
     * @param output every outcome
     * @param wallTime how long the command ran
     * @param interrupted whether the run was stopped by a signal
     * @return the line
     */
    static String line(CoveOutput<?> output, Duration wallTime, boolean interrupted) {
        StringBuilder line = new StringBuilder("cove: ")
                .append(output.size()).append(output.size() == 1 ? " target" : " targets")
                .append(" in ").append(Durations.format(wallTime)).append(": ")
                .append(output.results().size()).append(" succeeded, ")
                .append(output.exceptions().size()).append(output.exceptions().size() == 1 ? " exception" : " exceptions")
                .append(", ").append(output.failedAssumeRole().size()).append(" failed assume-role");
        if (!output.interrupted().isEmpty()) {
            line.append(", ").append(output.interrupted().size()).append(" interrupted");
        }
        if (!output.skipped().isEmpty()) {
            line.append(", ").append(output.skipped().size()).append(" skipped");
        }
        if (interrupted) {
            line.append(" (interrupted)");
        }
        return line.toString();
    }
}
