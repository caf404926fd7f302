package dev.cove.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cove.CoveOutput;
import dev.cove.CoveResult;
import dev.cove.cli.Format;
import dev.cove.cli.exec.ChildOutcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes the records of {@code cove exec} in one format. {@code jsonl} writes each record as Cove reports
 * it (every target once: as it completes, and the targets that never started when the run ends); the other
 * formats write one document when the run is over, sorted by account and region.
 */
public final class ExecReport implements AutoCloseable {

    private static final List<TextTable.Column> TABLE = List.of(
            new TextTable.Column("ACCOUNT", "Id", 12),
            new TextTable.Column("NAME", "Name", 32),
            new TextTable.Column("REGION", "Region", 16),
            new TextTable.Column("OUTCOME", "Outcome", 16),
            new TextTable.Column("RESULT / DETAILS", "Details", 100));

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
            destination.writeLine(Json.compact(record(result, true)));
        }
    }

    /**
     * Writes the document of the whole run; for {@code jsonl}, whose every record is written already, makes
     * sure the file exists.
     *
     * @param output every outcome of the run
     * @throws IOException when writing fails
     */
    public void finished(CoveOutput<ChildOutcome> output) throws IOException {
        switch (format) {
            case JSONL -> destination.touch();
            case JSON -> destination.writeWhole(writer -> {
                Json.PRETTY.writeValue(writer, document(output));
                writer.write('\n');
            });
            case CSV -> destination.writeWhole(writer -> CsvTable.write(writer, Records.EXEC_KEYS, rows(output)));
            case TABLE -> destination.writeWhole(writer -> TextTable.write(writer, TABLE, tableRows(output)));
        }
    }

    /**
     * Returns botocove's output document: {@code Results}, {@code Exceptions}, {@code FailedAssumeRole}, and,
     * when the run stopped early, {@code Interrupted} and {@code Skipped} (each only when it has targets).
     *
     * @param output every outcome of the run
     * @return the document
     */
    ObjectNode document(CoveOutput<ChildOutcome> output) {
        ObjectNode document = Json.object();
        add(document.putArray("Results"), output.results());
        add(document.putArray("Exceptions"), output.exceptions());
        add(document.putArray("FailedAssumeRole"), output.failedAssumeRole());
        if (!output.interrupted().isEmpty()) {
            add(document.putArray("Interrupted"), output.interrupted());
        }
        if (!output.skipped().isEmpty()) {
            add(document.putArray("Skipped"), output.skipped());
        }
        return document;
    }

    private void add(ArrayNode array, List<CoveResult<ChildOutcome>> results) {
        results.forEach(result -> array.add(record(result, false)));
    }

    private ObjectNode record(CoveResult<ChildOutcome> result, boolean withOutcome) {
        return Records.outcome(result, withOutcome, whyStopped.get());
    }

    private List<ObjectNode> rows(CoveOutput<ChildOutcome> output) {
        List<CoveResult<ChildOutcome>> all = new ArrayList<>(output.results());
        all.addAll(output.exceptions());
        all.addAll(output.failedAssumeRole());
        all.addAll(output.interrupted());
        all.addAll(output.skipped());
        all.sort(Comparator.comparing((CoveResult<ChildOutcome> r) -> r.id()).thenComparing(CoveResult::region));
        return all.stream().map(result -> record(result, true)).toList();
    }

    private List<ObjectNode> tableRows(CoveOutput<ChildOutcome> output) {
        List<ObjectNode> rows = rows(output);
        for (ObjectNode row : rows) {
            if (row.has("Result")) {
                row.set("Details", row.get("Result"));
            } else {
                String stderr = row.path("Stderr").asText("").strip();
                String lastLine = stderr.substring(stderr.lastIndexOf('\n') + 1).strip();
                row.put("Details", row.path("ExceptionDetails").asText()
                        + (lastLine.isEmpty() ? "" : ": " + lastLine));
            }
        }
        return rows;
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
