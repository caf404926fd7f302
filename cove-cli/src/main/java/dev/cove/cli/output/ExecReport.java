package dev.cove.cli.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cove.CoveOutput;
import dev.cove.CoveResult;
import dev.cove.cli.Format;
import dev.cove.cli.exec.ChildOutcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes the records of {@code cove exec} in one format. {@code jsonl} writes each record as Cove reports
 * it (every target once: as it completes, and the targets that never started when the run ends); the other
 * formats write one document when the run is over, sorted by account and region.
 */
public final class ExecReport implements AutoCloseable {

    private final Format format;
    private final Destination destination;
    private final Supplier<String> whyStopped;

    /**
     * Creates the report.
     *
     * @param format the format
     * @param destination where to write
     * @param whyStopped says why the run stopped early, for the records of the skipped and interrupted targets
     */
    public ExecReport(Format format, Destination destination, Supplier<String> whyStopped) {
        this.format = format;
        this.destination = destination;
        this.whyStopped = whyStopped;
    }

    /**
     * Returns whether records are written as targets complete, so that the run need keep none of them.
     *
     * @return true for {@code jsonl}
     */
    public boolean streams() {
        return format == Format.JSONL;
    }

    /**
     * Records a target's outcome as soon as it is known; writes it now for {@code jsonl}.
     *
     * @param result the outcome
     * @throws IOException when writing fails
     */
    public void completed(CoveResult<ChildOutcome> result) throws IOException {
        if (format == Format.JSONL) {
            destination.writeLine(Json.compact(record(result)));
        }
    }

    /**
     * Writes the document of the whole run; for {@code jsonl}, whose every record is written already, makes
     * sure the file exists.
     *
     * @param output every outcome of the run; null for {@code jsonl}, whose run keeps none (they are written)
     * @throws IOException when writing fails
     */
    public void finished(CoveOutput<ChildOutcome> output) throws IOException {
        if (format == Format.JSONL) {
            destination.touch();
            return;
        }
        List<ObjectNode> records = new ArrayList<>(output.size());
        for (List<CoveResult<ChildOutcome>> group : List.of(output.results(), output.exceptions(),
                output.failedAssumeRole(), output.interrupted(), output.skipped())) {
            group.forEach(result -> records.add(record(result)));
        }
        RecordDocument.write(format, destination, records);
    }

    private ObjectNode record(CoveResult<ChildOutcome> result) {
        return Records.outcome(result, true, whyStopped.get());
    }

    /**
     * Describes a failure of the destination and where the records went instead.
     *
     * @return the description, or null when every record was written where asked
     */
    public String failure() {
        return destination.failure();
    }

    /** Closes the output file, if any. */
    @Override
    public void close() throws IOException {
        destination.close();
    }
}
