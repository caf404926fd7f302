package dev.cove.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Waits for processes the tests expect to have been ended. */
public final class TestProcesses {

    private TestProcesses() {
    }

    /**
     * Waits until a process has ended. A killed grandchild is re-parented to the machine's init process,
     * which may take a while to reap it: until then it is a zombie, dead but still listed.
     *
     * @param pid the process
     * @param timeout how long to wait at most
     * @return true when the process is gone or a zombie
     * @throws InterruptedException when interrupted
     */
    public static boolean endsWithin(long pid, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (isZombie(pid) || !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static boolean isZombie(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/stat")).replaceAll(".*\\) ", "").startsWith("Z");
        } catch (IOException gone) {
            return false;
        }
    }
}
