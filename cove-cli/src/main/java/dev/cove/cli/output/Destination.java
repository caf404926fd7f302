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
 * records is appended line by line and flushed after each.
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
    private Writer stream;

    private Destination(PrintWriter stdout, Path file) {
        this.stdout = stdout;
        this.file = file;
    }

    /**
     * Returns a destination.
     *
     * @param stdout the command's standard output
     * @param file the output file, or null for stdout
     * @return the destination
     */
    public static Destination of(PrintWriter stdout, Path file) {
        return new Destination(stdout, file);
    }

    /**
     * Writes a whole document: to stdout, or atomically to the file.
     *
     * @param body writes the document
     * @throws IOException when writing or renaming fails; the target file is then left as it was
     */
    public void writeWhole(Body body) throws IOException {
        if (file == null) {
            body.writeTo(stdout);
            stdout.flush();
            return;
        }
        Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
        try {
            try (Writer writer = open(temporary)) {
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
     * Writes one line of a stream of records and flushes it, opening (and truncating) the file on first use.
     *
     * @param line the line, without its terminator
     * @throws IOException when writing fails
     */
    public void writeLine(String line) throws IOException {
        Writer writer = stream();
        writer.write(line);
        writer.write('\n');
        writer.flush();
    }

    /**
     * Makes sure the stream's file exists, even when no record was written.
     *
     * @throws IOException when the file cannot be created
     */
    public void touch() throws IOException {
        stream().flush();
    }

    private Writer stream() throws IOException {
        if (stream == null) {
            stream = file == null ? stdout : open(file);
        }
        return stream;
    }

    private static Writer open(Path path) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(new FileOutputStream(path.toFile()), StandardCharsets.UTF_8));
    }

    /** Closes the stream's file, if one was opened; never closes stdout. */
    @Override
    public void close() throws IOException {
        if (stream != null && stream != stdout) {
            stream.close();
        } else if (stream != null) {
            stream.flush();
        }
    }
}
