package dev.cove.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux says of a live process: peak and current resident set size ({@code VmHWM}, {@code VmRSS}
 * in {@code /proc/<pid>/status}) and CPU time ({@code utime + stime} in {@code /proc/<pid>/stat}).
 *
 * @param peakRssBytes the peak resident set size
 * @param rssBytes the current resident set size
 * @param cpuSeconds user plus system CPU time since the process started
 * @param threads the number of threads
 */
public record ProcStats(long peakRssBytes, long rssBytes, double cpuSeconds, int threads) {

    /** Clock ticks per second of {@code /proc/<pid>/stat} ({@code getconf CLK_TCK}), 100 on Linux. */
    private static final double TICKS_PER_SECOND = 100.0;

    /**
     * Reads a process's statistics.
     *
     * @param pid the process ID
     * @return the statistics
     * @throws IOException when the process is gone or {@code /proc} is missing
     */
    public static ProcStats read(long pid) throws IOException {
        long hwm = 0;
        long rss = 0;
        int threads = 0;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                hwm = kilobytes(line);
            } else if (line.startsWith("VmRSS:")) {
                rss = kilobytes(line);
            } else if (line.startsWith("Threads:")) {
                threads = Integer.parseInt(line.substring("Threads:".length()).trim());
            }
        }
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // Fields after the command name (which may hold spaces) start at field 3 (state).
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long utime = Long.parseLong(fields[11]);
        long stime = Long.parseLong(fields[12]);
        return new ProcStats(hwm, rss, (utime + stime) / TICKS_PER_SECOND, threads);
    }

    /**
     * Returns a process's CPU time, or 0 when it cannot be read.
     *
     * @param pid the process ID
     * @return user plus system seconds
     */
    public static double cpuSecondsOf(long pid) {
        try {
            return read(pid).cpuSeconds();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long kilobytes(String line) {
        String[] parts = line.trim().split("\\s+");
        return Long.parseLong(parts[1]) * 1024;
    }
}
