package dev.cove.cli.exec;

import java.time.Duration;

/**
 * What one run of the command left behind: its exit code and what it printed, capped in size.
 *
 * @param exitCode the exit code (for a killed command, what the operating system reported)
 * @param stdout what the command printed on stdout, up to the cap, decoded as UTF-8
 * @param stdoutDroppedBytes how many bytes of stdout were dropped beyond the cap
 * @param stderr what the command printed on stderr, up to the cap, decoded as UTF-8
 * @param stderrDroppedBytes how many bytes of stderr were dropped beyond the cap
 * @param timedOut whether the command ran out of time and was killed
 * @param elapsed how long the command ran
 */
public record ChildOutcome(int exitCode, String stdout, long stdoutDroppedBytes, String stderr,
        long stderrDroppedBytes, boolean timedOut, Duration elapsed) {

    /**
     * Returns whether the command finished in time with exit code 0.
     *
     * @return true for a successful run
     */
    public boolean succeeded() {
        return exitCode == 0 && !timedOut;
    }
}
