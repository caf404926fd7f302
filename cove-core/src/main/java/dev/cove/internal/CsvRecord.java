package dev.cove.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * One record of a CSV text (RFC 4180: fields separated by commas, quoted with {@code "} when they hold commas,
 * quotes or line breaks, a quote inside quotes doubled), with the line it starts on.
 *
 * @param line the 1-based line the record starts on
 * @param fields the fields
 */
record CsvRecord(int line, List<String> fields) {

    CsvRecord {
        fields = List.copyOf(fields);
    }

    /**
     * Splits a CSV text into records; blank lines are skipped.
     *
     * @param text the text
     * @return the records
     */
    static List<CsvRecord> parse(String text) {
        List<CsvRecord> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean empty = true;
        int line = 1;
        int start = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                empty = false;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                empty = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (!empty || field.length() > 0) {
                    fields.add(field.toString());
                    records.add(new CsvRecord(start, fields));
                }
                fields = new ArrayList<>();
                field.setLength(0);
                empty = true;
                line++;
                start = line;
            } else {
                field.append(c);
                if (!Character.isWhitespace(c)) {
                    empty = false;
                }
            }
        }
        if (!empty || field.length() > 0) {
            fields.add(field.toString());
            records.add(new CsvRecord(start, fields));
        }
        return records;
    }
}
