package dev.cove.bench;

import java.util.ArrayList;
import java.util.List;

/** Reads and writes one line of RFC 4180 CSV. */
final class Csv {

    private Csv() {
    }

    /**
     * Joins cells, quoting those that hold a comma, quote or line break.
     *
     * @param cells the cells
     * @return the line, without a line break
     */
    static String join(List<String> cells) {
        StringBuilder out = new StringBuilder();
        for (String cell : cells) {
            if (out.length() > 0) {
                out.append(',');
            }
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                out.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                out.append(cell);
            }
        }
        return out.toString();
    }

    /**
     * Splits a line into cells.
     *
     * @param line the line
     * @return the cells, unquoted
     */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
