package dev.cove.cli.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes records as aligned columns for people: one line per record, every value on one line and cut to
 * a maximum width. Not meant to be parsed: use json, jsonl or csv for that.
 */
final class TextTable {

    /**
     * One column.
     *
     * @param header the heading, e.g. {@code ACCOUNT}
     * @param key the record key it shows
     * @param maxWidth the widest a value may be before it is cut
     */
    record Column(String header, String key, int maxWidth) {
    }

    private TextTable() {
    }

    /**
     * Writes the records.
     *
     * @param writer where to write
     * @param columns the columns, in order
     * @param records the records
     * @throws IOException when writing fails
     */
    static void write(Writer writer, List<Column> columns, List<ObjectNode> records) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        int[] widths = new int[columns.size()];
        List<String> headers = columns.stream().map(Column::header).toList();
        rows.add(headers);
        for (ObjectNode record : records) {
            List<String> row = new ArrayList<>();
            for (Column column : columns) {
                row.add(oneLine(CsvTable.cell(record.get(column.key())), column.maxWidth()));
            }
            rows.add(row);
        }
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String value = row.get(i);
                line.append(value);
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths[i] - value.length() + 2));
                }
            }
            writer.write(line.toString().stripTrailing());
            writer.write('\n');
        }
        writer.flush();
    }

    private static String oneLine(String value, int maxWidth) {
        String flat = value.replaceAll("\\s*[\\r\\n]+\\s*", " ↵ ").strip();
        return flat.length() <= maxWidth ? flat : flat.substring(0, maxWidth - 1) + "…";
    }
}
