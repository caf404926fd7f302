package dev.cove.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cove.CoveTarget;
import dev.cove.cli.Format;
import java.io.IOException;
import java.util.List;
import java.util.StringJoiner;

/**
 * Writes the targets of a dry run: {@code json} is an array of records, {@code jsonl} one record per line,
 * {@code csv} and {@code table} one row per target; each record has {@code Id}, {@code Region}, {@code Arn},
 * {@code Email}, {@code Name}, {@code Status} (only when AWS sent it), {@code State}, and {@code OuPath} and
 * {@code Tags} when the selection read them.
 */
public final class TargetReport {

    private static final List<TextTable.Column> TABLE = List.of(
            new TextTable.Column("ACCOUNT", "Id", 12),
            new TextTable.Column("REGION", "Region", 16),
            new TextTable.Column("NAME", "Name", 40),
            new TextTable.Column("EMAIL", "Email", 48),
            new TextTable.Column("STATE", "State", 18),
            new TextTable.Column("STATUS", "Status", 16),
            new TextTable.Column("OU PATH", "OuPath", 40),
            new TextTable.Column("TAGS", "TagsText", 60),
            new TextTable.Column("ARN", "Arn", 100));
    /** Columns shown only where some account has a value. */
    private static final List<String> OPTIONAL = List.of("Status", "OuPath", "TagsText");

    private TargetReport() {
    }

    /**
     * AWS no longer sends {@code Status}, and OU paths and tags are read only for filters that need them: each of
     * these columns shows only where some account has a value.
     */
    private static List<TextTable.Column> tableColumns(List<ObjectNode> records) {
        return TABLE.stream()
                .filter(column -> !OPTIONAL.contains(column.key())
                        || records.stream().anyMatch(record -> record.hasNonNull(column.key())))
                .toList();
    }

    /** Tags as {@code key=value, key=value} for people. */
    private static List<ObjectNode> tableRows(List<ObjectNode> records) {
        return records.stream().map(record -> {
            ObjectNode row = record.deepCopy();
            if (record.has("Tags")) {
                StringJoiner tags = new StringJoiner(", ");
                record.get("Tags").properties().forEach(tag -> tags.add(tag.getKey() + "=" + tag.getValue().asText()));
                row.put("TagsText", tags.toString());
            }
            return row;
        }).toList();
    }

    /**
     * Writes the targets.
     *
     * @param format the format
     * @param destination where to write
     * @param targets the targets, in the order the run would visit them
     * @throws IOException when writing fails
     */
    public static void write(Format format, Destination destination, List<CoveTarget> targets) throws IOException {
        List<ObjectNode> records = targets.stream().map(Records::target).toList();
        switch (format) {
            case JSON -> destination.writeWhole(writer -> {
                ArrayNode array = Json.MAPPER.createArrayNode();
                records.forEach(array::add);
                Json.PRETTY.writeValue(writer, array);
                writer.write('\n');
            });
            case JSONL -> destination.writeWhole(writer -> {
                for (ObjectNode record : records) {
                    writer.write(Json.compact(record));
                    writer.write('\n');
                }
            });
            case CSV -> destination.writeWhole(writer -> CsvTable.write(writer, Records.TARGET_KEYS, records));
            case TABLE -> {
                List<ObjectNode> rows = tableRows(records);
                destination.writeWhole(writer -> TextTable.write(writer, tableColumns(rows), rows));
            }
        }
    }
}
