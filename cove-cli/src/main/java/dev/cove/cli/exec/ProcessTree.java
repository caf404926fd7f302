package dev.cove.cli.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ends a child process and everything it started: a polite SIGTERM to the whole tree, then, after a grace
 * period, SIGKILL to whatever is still alive. A process that left the tree (daemonized with a double fork)
 * cannot be found and is not ended.
 */
final class ProcessTree {

    /** How long the tree may take to exit after SIGTERM before it is killed. */
    static final long GRACE_MILLIS = 2_000;

    private ProcessTree() {
    }

    /**
     * Ends the process and its descendants and waits (briefly) for the process to exit. Never throws;
     * keeps the caller's interrupt status.
     *
     * @param process the child process
     */
    static void kill(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        boolean interrupted = Thread.interrupted();
        try {
            process.onExit().get(GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } catch (ExecutionException | TimeoutException e) {
            // still alive: killed below
        }
        process.descendants().forEach(tree::add);
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try {
            process.onExit().get(GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } catch (ExecutionException | TimeoutException e) {
            // the operating system has been told; nothing more can be done
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
