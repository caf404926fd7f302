package dev.cove.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cove.CoveOutcome;
import dev.cove.cli.Format;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes the records of a whole run, each with its {@code Outcome}, as one document: {@code json} is
 * botocove's {@code {"Results": [...], "Exceptions": [...], "FailedAssumeRole": [...]}} (with
 * {@code Interrupted} and {@code Skipped} when there are any, and without the {@code Outcome} field),
 * {@code jsonl} one record per line, {@code csv} and {@code table} one row per target sorted by account and
 * region. Used by {@code cove exec} and {@code cove merge}.
 */
public final class RecordDocument {

    private static final List<TextTable.Column> TABLE = List.of(
            new TextTable.Column("ACCOUNT", "Id", 12),
            new TextTable.Column("NAME", "Name", 32),
            new TextTable.Column("REGION", "Region", 16),
            new TextTable.Column("OUTCOME", "Outcome", 16),
            new TextTable.Column("RESULT / DETAILS", "Details", 100));

    /** The lists of the {@code json} document, in order; the last two only when they have targets. */
    private static final List<CoveOutcome> DOCUMENT = List.of(CoveOutcome.RESULT, CoveOutcome.EXCEPTION,
            CoveOutcome.FAILED_ASSUME_ROLE, CoveOutcome.INTERRUPTED, CoveOutcome.SKIPPED);

    private RecordDocument() {
    }

    /**
     * Writes the records.
     *
     * @param format the format
     * @param destination where to write
     * @param records every target's record, with its {@code Outcome}, in output order
     * @throws IOException when writing fails
     */
    public static void write(Format format, Destination destination, List<ObjectNode> records) throws IOException {
        switch (format) {
            case JSON -> destination.writeWhole(writer -> {
                Json.PRETTY.writeValue(writer, document(records));
                writer.write('\n');
            });
            case JSONL -> destination.writeWhole(writer -> {
                for (ObjectNode record : records) {
                    writer.write(Json.compact(record));
                    writer.write('\n');
                }
            });
            case CSV -> destination.writeWhole(writer -> CsvTable.write(writer, Records.EXEC_KEYS, sorted(records)));
            case TABLE -> destination.writeWhole(writer -> TextTable.write(writer, TABLE, tableRows(records)));
        }
    }

    /**
     * Returns botocove's output document of the records.
     *
     * @param records every target's record, with its {@code Outcome}
     * @return the document
     */
    static ObjectNode document(List<ObjectNode> records) {
        ObjectNode document = Json.object();
        for (CoveOutcome outcome : DOCUMENT) {
            List<ObjectNode> group = records.stream()
                    .filter(record -> record.path("Outcome").asText().equals(outcome.label())).toList();
            if (!group.isEmpty() || outcome.ordinal() <= CoveOutcome.FAILED_ASSUME_ROLE.ordinal()) {
                ArrayNode array = document.putArray(key(outcome));
                group.forEach(record -> array.add(record.deepCopy().without("Outcome")));
            }
        }
        return document;
    }

    private static String key(CoveOutcome outcome) {
        return switch (outcome) {
            case RESULT -> "Results";
            case EXCEPTION -> "Exceptions";
            default -> outcome.label();
        };
    }

    private static List<ObjectNode> sorted(List<ObjectNode> records) {
        List<ObjectNode> rows = new ArrayList<>(records);
        rows.sort(Comparator.comparing((ObjectNode r) -> r.path("Id").asText())
                .thenComparing(r -> r.path("Region").asText()));
        return rows;
    }

    private static List<ObjectNode> tableRows(List<ObjectNode> records) {
        List<ObjectNode> rows = new ArrayList<>();
        for (ObjectNode record : sorted(records)) {
            ObjectNode row = record.deepCopy();
            if (row.has("Result")) {
                row.set("Details", row.get("Result"));
            } else {
                String lastLine = FailureGroups.lastLine(row.path("Stderr").asText(""));
                row.put("Details", row.path("ExceptionDetails").asText() + (lastLine == null ? "" : ": " + lastLine));
            }
            rows.add(row);
        }
        return rows;
    }
}
