package dev.cove.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Launches, awaits and stops one {@code moto_server} operating-system process. */
final class MotoProcess {

    static final String INSTALL_HINT =
            "Install moto with: python3 -m pip install \"moto[server]\"";

    private static final Logger LOG = LoggerFactory.getLogger(MotoProcess.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final String EXECUTABLE = "moto_server";
    /**
     * Runs moto and ends it when standard input (the pipe from this JVM) closes, which happens
     * on {@link #stop()} and also when the JVM dies without running its shutdown hooks. Exits
     * with moto's status when moto exits by itself.
     */
    private static final String WATCHDOG = """
            exec 3<&0
            "$@" </dev/null 3<&- &
            child=$!
            { cat <&3 >/dev/null; kill $child 2>/dev/null; } &
            exec 3<&-
            wait $child
            """;

    private final Process process;
    private final int port;
    private final Path logFile;

    private MotoProcess(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    /** Signals that moto exited because another process took its port first. */
    static final class PortTakenException extends Exception {
        PortTakenException(String message) {
            super(message);
        }
    }

    static Path defaultLogDirectory() {
        Path target = Path.of("target");
        return Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir"));
    }

    static MotoProcess launch(Path logDirectory) throws PortTakenException {
        return launch(logDirectory, System.getenv("PATH"));
    }

    /** Launches moto found on {@code searchPath} (a PATH-style list of directories). */
    static MotoProcess launch(Path logDirectory, String searchPath) throws PortTakenException {
        int port = freePort();
        List<String> moto = motoCommand(port, searchPath);
        Path logFile = logDirectory.resolve("moto-server-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(withWatchdog(moto))
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        builder.environment().put("PYTHONUNBUFFERED", "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not run '" + String.join(" ", moto) + "': "
                    + e.getMessage() + ". " + INSTALL_HINT, e);
        }
        MotoProcess started = new MotoProcess(process, port, logFile);
        started.awaitReady(String.join(" ", moto));
        LOG.info("moto_server listening on 127.0.0.1:{} (log: {})", port, logFile);
        return started;
    }

    int port() {
        return port;
    }

    Path logFile() {
        return logFile;
    }

    /** Stops moto and the watchdog, then waits for them to exit. Safe to call repeatedly. */
    void stop() {
        List<ProcessHandle> tree = process.descendants().toList();
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the watchdog is already gone; the descendants are ended below
        }
        boolean exited = waitFor(process.toHandle(), STOP_TIMEOUT);
        for (ProcessHandle child : tree) {
            if (child.isAlive()) {
                child.destroy();
                if (!waitFor(child, STOP_TIMEOUT)) {
                    child.destroyForcibly();
                }
            }
        }
        if (!exited) {
            process.destroyForcibly();
            waitFor(process.toHandle(), STOP_TIMEOUT);
        }
    }

    private void awaitReady(String command) throws PortTakenException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                stop();
                String log = tailOfLog();
                if (log.contains("Address already in use")) {
                    throw new PortTakenException("port " + port + " was taken before moto bound it");
                }
                throw new IllegalStateException("'" + command + "' exited with code "
                        + process.exitValue() + " before answering on port " + port + ". "
                        + INSTALL_HINT + "\nLast lines of " + logFile + ":\n" + log);
            }
            if (answers()) {
                return;
            }
            sleep(Duration.ofMillis(100));
        }
        stop();
        throw new IllegalStateException("'" + command + "' did not answer on port " + port
                + " within " + READY_TIMEOUT.toSeconds() + " s. " + INSTALL_HINT
                + "\nLast lines of " + logFile + ":\n" + tailOfLog());
    }

    private boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            socket.setSoTimeout(2_000);
            socket.getOutputStream().write(("GET /moto-api/ HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] head = socket.getInputStream().readNBytes(5);
            return new String(head, StandardCharsets.US_ASCII).equals("HTTP/") && process.isAlive();
        } catch (IOException notYet) {
            return false;
        }
    }

    private String tailOfLog() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static List<String> motoCommand(int port, String searchPath) {
        List<String> command = new ArrayList<>();
        Path executable = onPath(EXECUTABLE, searchPath);
        if (executable != null) {
            command.add(executable.toString());
        } else {
            Path python = onPath("python3", searchPath);
            if (python == null) {
                throw new IllegalStateException("neither " + EXECUTABLE
                        + " nor python3 is on the PATH. " + INSTALL_HINT);
            }
            command.addAll(List.of(python.toString(), "-m", "moto.server"));
        }
        command.addAll(List.of("-H", "127.0.0.1", "-p", Integer.toString(port)));
        return command;
    }

    private static List<String> withWatchdog(List<String> moto) {
        Path shell = Path.of("/bin/sh");
        if (!Files.isExecutable(shell)) {
            return moto;
        }
        List<String> command = new ArrayList<>(List.of(shell.toString(), "-c", WATCHDOG, "moto-watchdog"));
        command.addAll(moto);
        return command;
    }

    private static Path onPath(String name, String searchPath) {
        if (searchPath == null) {
            return null;
        }
        for (String directory : searchPath.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for moto", e);
        }
    }

    private static boolean waitFor(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for moto to start", e);
        }
    }
}
