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
