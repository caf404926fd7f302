package dev.cove.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes records as CSV (RFC 4180, with a header line): one column per key, in a fixed order; nested
 * values (a JSON result, a list) as compact JSON text; absent values as empty fields.
 */
final class CsvTable {

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private CsvTable() {
    }

    /**
     * Writes the records.
     *
     * @param writer where to write
     * @param columns the keys, in column order
     * @param records the records
     * @throws IOException when writing fails
     */
    static void write(Writer writer, List<String> columns, List<ObjectNode> records) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        try (SequenceWriter rows = CSV.writer(schema.build())
                .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValues(writer)) {
            for (ObjectNode record : records) {
                List<String> row = new ArrayList<>(columns.size());
                for (String column : columns) {
                    row.add(cell(record.get(column)));
                }
                rows.write(row);
            }
        }
        writer.flush();
    }

    /**
     * Returns a value as a cell: text as is, anything else as compact JSON, absent as empty.
     *
     * @param value the value, or null
     * @return the cell's text
     */
    static String cell(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : Json.compact(value);
    }
}
