package dev.cove.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonProcessingException;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;

/**
 * Reads the rows of a targets file in whichever of its formats the first line shows: {@code [} a JSON array,
 * {@code {} JSON lines, a comma or a lone {@code Id} CSV with a header, anything else plain lines of account IDs.
 * Every row is checked; a bad one fails naming the file, its line and the value. JSON is read with the SDK's own
 * JSON parser, so Cove needs no other library.
 */
final class TargetsFileParser {

    private static final String OPTION = "targetsFile";
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    private final Path path;

    TargetsFileParser(Path path) {
        this.path = path;
    }

    /**
     * Parses a file's text.
     *
     * @param text the text
     * @return the rows, in file order
     * @throws dev.cove.CoveConfigurationException naming the file, the line and the value of a bad row
     */
    List<TargetsFile.Row> parse(String text) {
        List<String> lines = text.lines().toList();
        for (String line : lines) {
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            if (content.startsWith("[") || content.startsWith("{")) {
                return json(text);
            }
            String beforeComment = content.contains("#") ? content.substring(0, content.indexOf('#')).strip() : content;
            if (beforeComment.contains(",") || beforeComment.equalsIgnoreCase("id")) {
                return csv(text);
            }
            return plain(lines);
        }
        return List.of();
    }

    private List<TargetsFile.Row> plain(List<String> lines) {
        List<TargetsFile.Row> parsed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String content = lines.get(i);
            int comment = content.indexOf('#');
            content = (comment < 0 ? content : content.substring(0, comment)).strip();
            if (!content.isEmpty()) {
                parsed.add(row(i + 1, Map.of("id", content)));
            }
        }
        return parsed;
    }

    private List<TargetsFile.Row> csv(String text) {
        List<CsvRecord> records = CsvRecord.parse(text);
        if (records.isEmpty()) {
            return List.of();
        }
        List<String> header = records.getFirst().fields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .toList();
        if (!header.contains("id")) {
            throw fail(records.getFirst().line(), String.join(",", records.getFirst().fields()), "a CSV targets file "
                    + "starts with a header line that has an Id column (and optionally Name, Email, Region)");
        }
        List<TargetsFile.Row> parsed = new ArrayList<>();
        for (CsvRecord record : records.subList(1, records.size())) {
            if (record.fields().size() == 1 && record.fields().getFirst().isBlank()) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < record.fields().size(); i++) {
                fields.putIfAbsent(header.get(i), record.fields().get(i));
            }
            parsed.add(row(record.line(), fields));
        }
        return parsed;
    }

    private List<TargetsFile.Row> json(String text) {
        List<TargetsFile.Row> parsed = new ArrayList<>();
        try (JsonParser json = JsonNodeParser.DEFAULT_JSON_FACTORY.createParser(text)) {
            JsonToken token = json.nextToken();
            boolean array = token == JsonToken.START_ARRAY;
            if (array) {
                token = json.nextToken();
            }
            while (token != null && token != JsonToken.END_ARRAY) {
                int line = json.currentTokenLocation().getLineNr();
                if (token != JsonToken.START_OBJECT) {
                    throw fail(line, json.getText(), "expected a JSON object with an Id field, e.g. "
                            + "{\"Id\": \"123456789012\"}");
                }
                parsed.add(row(line, object(json, line)));
                token = json.nextToken();
            }
            if (array && json.nextToken() != null) {
                throw fail(json.currentTokenLocation().getLineNr(), json.getText(), "text after the JSON array");
            }
        } catch (JsonProcessingException e) {
            throw fail(e.getLocation() == null ? 0 : e.getLocation().getLineNr(), null, "not valid JSON: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw Validation.fail(OPTION, path.toString(), "cannot read " + path + ": " + TargetsFile.describe(e));
        }
        return parsed;
    }

    /** Reads one object's top-level scalar fields, by lower-case name; nested values are skipped. */
    private Map<String, String> object(JsonParser json, int line) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>();
        for (JsonToken token = json.nextToken(); token != JsonToken.END_OBJECT; token = json.nextToken()) {
            String name = json.currentName().toLowerCase(Locale.ROOT);
            names.add(name);
            JsonToken value = json.nextToken();
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                json.skipChildren();
            } else if (value != JsonToken.VALUE_NULL) {
                fields.putIfAbsent(name, json.getText());
            }
        }
        if (names.contains("results") && !names.contains("id")) {
            throw fail(line, null, "this is a 'cove exec' report, not a list of targets; use the output of "
                    + "'cove targets -f jsonl', or list account IDs");
        }
        return fields;
    }

    private TargetsFile.Row row(int line, Map<String, String> fields) {
        String id = blankToNull(fields.get("id"));
        if (id == null) {
            throw fail(line, null, "the row has no Id");
        }
        if (!ACCOUNT.matcher(id).matches()) {
            throw fail(line, id, Ids.quote(id) + " is not a 12-digit account ID");
        }
        String region = blankToNull(fields.get("region"));
        if (region != null) {
            try {
                Validation.region(region, OPTION);
            } catch (dev.cove.CoveConfigurationException e) {
                throw fail(line, region, e.rule());
            }
        }
        return new TargetsFile.Row(line, id, blankToNull(fields.get("name")), blankToNull(fields.get("email")), region);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private dev.cove.CoveConfigurationException fail(int line, String value, String rule) {
        return Validation.fail(OPTION, value, path + (line > 0 ? ":" + line : "") + ": " + rule);
    }
}
