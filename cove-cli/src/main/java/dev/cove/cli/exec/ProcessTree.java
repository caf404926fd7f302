package dev.cove.cli.exec;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child process and everything it starts. Each child runs in a session of its own ({@code setsid}), so that
 * Ctrl-C on the terminal reaches {@code cove} alone, which then stops its children itself, and so that what
 * a child leaves behind can be found after it exited: every process still in its session. Ending a tree is a
 * polite SIGTERM to all of it, then, after a grace period, SIGKILL to whatever is still alive.
 *
 * <p>Sessions are found through {@code /proc} (Linux). Where there is no {@code /proc} or no {@code setsid},
 * only the child's living descendants are found, and a process that left the tree (a daemon that
 * double-forks, or calls {@code setsid} itself) is not ended.
 */
final class ProcessTree {

    /** How long the tree may take to exit after SIGTERM before it is killed. */
    static final long GRACE_MILLIS = 2_000;

    private static final Path PROC = Path.of("/proc");
    private static final Optional<Path> SETSID = findSetsid();
    private static final long POLL_MILLIS = 10;

    private ProcessTree() {
    }

    private static Optional<Path> findSetsid() {
        if (!Files.isDirectory(PROC.resolve("self"))) {
            return Optional.empty();
        }
        for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Optional.of(Path.of(candidate));
            }
        }
        return Executables.locate("setsid", System.getenv("PATH"));
    }

    /**
     * Returns the command line that starts a program in a session of its own, where the machine allows it.
     * The program is exec'd by {@code setsid} (a child of the JVM is never a process group leader, so
     * {@code setsid} does not fork), so the child's PID is the program's and the session's ID.
     *
     * @param command the program and its arguments
     * @return the command line to start
     */
    static List<String> inOwnSession(List<String> command) {
        if (SETSID.isEmpty()) {
            return command;
        }
        List<String> line = new ArrayList<>(command.size() + 1);
        line.add(SETSID.get().toString());
        line.addAll(command);
        return line;
    }

    /**
     * Ends the process, its descendants and the rest of its session, and waits (briefly) for the process to
     * exit. Never throws; keeps the caller's interrupt status.
     *
     * @param process the child process
     */
    static void kill(Process process) {
        Set<ProcessHandle> tree = members(process);
        tree.forEach(ProcessHandle::destroy);
        boolean interrupted = Thread.interrupted();
        try {
            process.onExit().get(GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } catch (ExecutionException | TimeoutException e) {
            // still alive: killed below
        }
        tree.addAll(members(process));
        interrupted |= endWithin(tree, 0);
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

    /**
     * Ends what a child that has exited left running in its session (a background process that may still
     * hold its stdout): SIGTERM at once, SIGKILL to whatever is alive after the grace period. Returns at once
     * when nothing was left. Keeps the caller's interrupt status.
     *
     * @param process the child process, which has exited
     */
    static void endLeftovers(Process process) {
        Set<ProcessHandle> left = members(process);
        if (left.isEmpty()) {
            return;
        }
        left.forEach(ProcessHandle::destroy);
        if (endWithin(left, GRACE_MILLIS)) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until every process has ended, up to the time given, then kills the ones still alive.
     *
     * @return true when the wait was interrupted
     */
    private static boolean endWithin(Set<ProcessHandle> processes, long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        boolean interrupted = Thread.interrupted();
        while (processes.stream().anyMatch(ProcessTree::alive) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                interrupted = true;
                break;
            }
        }
        processes.stream().filter(ProcessTree::alive).forEach(ProcessHandle::destroyForcibly);
        return interrupted;
    }

    /** The process, if alive, its living descendants, and every living process of its session. */
    private static Set<ProcessHandle> members(Process process) {
        Set<ProcessHandle> members = new LinkedHashSet<>();
        if (process.isAlive()) {
            members.add(process.toHandle());
        }
        process.descendants().forEach(members::add);
        if (SETSID.isPresent()) {
            members.addAll(session(process.pid()));
        }
        return members;
    }

    /** Every living process whose session is {@code sid}, read from {@code /proc/PID/stat}. */
    private static List<ProcessHandle> session(long sid) {
        List<ProcessHandle> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path entry : entries) {
                String[] fields = statFields(entry);
                // after "pid (comm)": state ppid pgrp session ...
                if (fields.length > 3 && !fields[0].equals("Z") && fields[3].equals(Long.toString(sid))) {
                    ProcessHandle.of(Long.parseLong(entry.getFileName().toString())).ifPresent(found::add);
                }
            }
        } catch (IOException e) {
            // /proc unreadable: only the tree is found
        }
        return found;
    }

    private static String[] statFields(Path processDir) {
        try {
            String stat = Files.readString(processDir.resolve("stat"));
            return stat.substring(stat.lastIndexOf(')') + 1).strip().split(" ");
        } catch (IOException | RuntimeException gone) {
            return new String[0];
        }
    }

    /** Alive and not a zombie: a killed orphan stays listed until its new parent reaps it. */
    private static boolean alive(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        String[] fields = statFields(PROC.resolve(Long.toString(process.pid())));
        return fields.length == 0 ? !Files.isDirectory(PROC) && process.isAlive() : !fields[0].equals("Z");
    }
}
