package dev.cove.cli.output;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where records go: the command's stdout, or a file. A whole document is written to a file atomically (a
 * temporary file in the same directory, then a rename), so readers never see half of it; a stream of
 * records is written line by line and flushed after each, to a new file or appended to an existing ledger
 * (after dropping the half record a killed run may have left at its end).
 *
 * <p>Nothing is lost when the destination fails mid-way (a full disk, a closed pipe): the failure is kept,
 * and the records that could not be written go to a file of their own in the temporary directory, which
 * {@link #failure()} names for the command's last words.
 *
 * <p>Files are written through {@link FileOutputStream}, which, unlike NIO channels, is not closed when the
 * writing thread is interrupted: an interrupted run can still write what finished.
 */
public final class Destination implements AutoCloseable {

    /** Writes a document to a writer. */
    @FunctionalInterface
    public interface Body {

        /**
         * Writes the document.
         *
         * @param writer where to write; not to be closed
         * @throws IOException when writing fails
         */
        void writeTo(Writer writer) throws IOException;
    }

    private final PrintWriter stdout;
    private final Path file;
    private final boolean append;
    private Writer stream;
    private long linesWritten;
    /** The first failure of the destination, or null. */
    private IOException failure;
    /** Where records go after the destination failed, or null. */
    private Path fallback;
    private Writer fallbackStream;
    private long fallbackLines;

    private Destination(PrintWriter stdout, Path file, boolean append) {
        this.stdout = stdout;
        this.file = file;
        this.append = append;
    }

    /**
     * Returns a destination that replaces the file, if any.
     *
     * @param stdout the command's standard output
     * @param file the output file, or null for stdout
     * @return the destination
     */
    public static Destination of(PrintWriter stdout, Path file) {
        return new Destination(stdout, file, false);
    }

    /**
     * Returns a destination that appends a stream of records to an existing file (a ledger being resumed).
     *
     * @param stdout the command's standard output
     * @param file the ledger
     * @return the destination
     */
    public static Destination appendingTo(PrintWriter stdout, Path file) {
        return new Destination(stdout, file, true);
    }

    /**
     * Makes sure records can be written here before anything runs, without changing the file: a temporary
     * file can be created (and is deleted) beside it, and an existing file can be opened for writing.
     *
     * @throws IOException naming why the file cannot be written
     */
    public void checkWritable() throws IOException {
        if (file == null) {
            return;
        }
        Files.delete(Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp"));
        if (Files.exists(file)) {
            new FileOutputStream(file.toFile(), true).close();
        }
    }

    /**
     * Writes a whole document: to stdout, or atomically to the file; to a file of its own when that fails.
     *
     * @param body writes the document
     * @throws IOException when the fallback file cannot be written either
     */
    public void writeWhole(Body body) throws IOException {
        try {
            if (file == null) {
                body.writeTo(stdout);
                stdout.flush();
                checkStdout();
            } else {
                writeAtomically(body);
            }
        } catch (IOException e) {
            failed(e, ".out");
            body.writeTo(fallbackStream);
            fallbackStream.flush();
        }
    }

    private void writeAtomically(Body body) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
        try {
            try (Writer writer = open(temporary, false)) {
                body.writeTo(writer);
            }
            move(temporary);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private void move(Path temporary) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Writes one line of a stream of records and flushes it, opening the file on first use; once the
     * destination has failed, to the fallback file.
     *
     * @param line the line, without its terminator
     * @throws IOException when the fallback file cannot be written either
     */
    public void writeLine(String line) throws IOException {
        if (failure == null) {
            try {
                Writer writer = stream();
                writer.write(line);
                writer.write('\n');
                writer.flush();
                checkStdout();
                linesWritten++;
                return;
            } catch (IOException e) {
                failed(e, ".jsonl");
            }
        }
        fallbackStream.write(line);
        fallbackStream.write('\n');
        fallbackStream.flush();
        fallbackLines++;
    }

    /**
     * Makes sure the stream's file exists, even when no record was written.
     *
     * @throws IOException when the file cannot be created
     */
    public void touch() throws IOException {
        if (failure == null) {
            try {
                stream().flush();
            } catch (IOException e) {
                failed(e, ".jsonl");
            }
        }
    }

    /**
     * Describes a failure of the destination and where the records went instead.
     *
     * @return e.g. {@code could not write the records to out.jsonl (No space left on device): the first 3
     *     record(s) are there, the other 21 are in /tmp/cove-records-1.jsonl}; null when nothing failed
     */
    public String failure() {
        if (failure == null) {
            return null;
        }
        String where = file == null ? "stdout" : file.toString();
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        String lines = linesWritten == 0 ? "the records are"
                : "the first " + linesWritten + " record(s) are there, the other " + fallbackLines + " are";
        return "could not write the records to " + where + " (" + reason + "): " + lines + " in " + fallback;
    }

    /** The destination failed: from now on, records go to a new file in the temporary directory. */
    private void failed(IOException e, String defaultSuffix) throws IOException {
        if (failure != null) {
            return;
        }
        failure = e;
        String name = file == null ? "" : file.getFileName().toString();
        String suffix = name.lastIndexOf('.') > 0 ? name.substring(name.lastIndexOf('.')) : defaultSuffix;
        fallback = Files.createTempFile("cove-records-", suffix);
        fallbackStream = open(fallback, false);
    }

    /** A {@link PrintWriter} swallows its errors; this finds them (a closed pipe). */
    private void checkStdout() throws IOException {
        if (file == null && stdout.checkError()) {
            throw new IOException("stdout is closed or cannot be written");
        }
    }

    private Writer stream() throws IOException {
        if (stream == null) {
            if (append && file != null) {
                Ledger.dropTornLastLine(file);
            }
            stream = file == null ? stdout : open(file, append);
        }
        return stream;
    }

    private static Writer open(Path path, boolean append) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(new FileOutputStream(path.toFile(), append),
                StandardCharsets.UTF_8));
    }

    /** Closes the files this destination opened; never closes stdout. */
    @Override
    public void close() throws IOException {
        try {
            if (fallbackStream != null) {
                fallbackStream.close();
            }
        } finally {
            if (stream != null && stream != stdout) {
                stream.close();
            } else if (stream != null) {
                stream.flush();
            }
        }
    }
}
