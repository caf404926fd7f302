package dev.cove.cli.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes records as aligned columns for people: one line per record, every value on one line (tabs as
 * spaces, other control characters shown, not sent to the terminal) and cut to a maximum width. Not meant
 * to be parsed: use json, jsonl or csv for that.
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
        String flat = visible(value.replaceAll("\\s*[\\r\\n]+\\s*", " ↵ ").replace('\t', ' ')).strip();
        return flat.length() <= maxWidth ? flat : flat.substring(0, maxWidth - 1) + "…";
    }

    /**
     * Shows the control characters left in a value instead of letting the terminal act on them: C0 and DEL
     * in caret notation (escape as {@code ^[}), C1 as {@code \}{@code u009b}. A program's colours and cursor
     * movements then cannot redraw the table.
     *
     * @param value the value, without line breaks or tabs
     * @return the value as it can be printed
     */
    static String visible(String value) {
        StringBuilder shown = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                shown.append('^').append((char) (c ^ 0x40));
            } else if (c >= 0x80 && c < 0xa0) {
                shown.append(String.format("\\u%04x", (int) c));
            } else {
                shown.append(c);
            }
        }
        return shown.toString();
    }
}
