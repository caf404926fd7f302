package dev.cove.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine a benchmark ran on: processors, memory, CPU model, JDK, and the load average.
 *
 * @param processors available processors ({@code nproc})
 * @param memoryBytes total memory
 * @param cpuModel the CPU's model name
 * @param jdk the JDK's vendor and version
 * @param os the operating system and kernel
 */
public record Machine(int processors, long memoryBytes, String cpuModel, String jdk, String os) {

    /**
     * Describes this machine.
     *
     * @return the description
     */
    public static Machine current() {
        long memory = 0;
        String model = "unknown";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memory = Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    model = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: leave what is unknown unknown.
        }
        String jdk = System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version");
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version");
        return new Machine(Runtime.getRuntime().availableProcessors(), memory, model, jdk, os);
    }

    /**
     * Returns the share of the processors' time that was busy over the next {@code millis} milliseconds
     * (from {@code /proc/stat}: everything but idle and iowait). Unlike the load average, it does not
     * remember the previous benchmark run.
     *
     * @param millis how long to watch
     * @return 0 to 1, or -1 when unknown
     * @throws InterruptedException when interrupted while watching
     */
    public static double busy(long millis) throws InterruptedException {
        long[] before = cpuTimes();
        Thread.sleep(millis);
        long[] after = cpuTimes();
        if (before == null || after == null || after[0] == before[0]) {
            return -1;
        }
        return 1.0 - (double) (after[1] - before[1]) / (after[0] - before[0]);
    }

    /** Returns total and idle (idle + iowait) jiffies of all processors, or null. */
    private static long[] cpuTimes() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            return new long[] {total, Long.parseLong(fields[4]) + Long.parseLong(fields[5])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Returns the one-minute load average.
     *
     * @return the load, or -1 when unknown
     */
    public static double load() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
