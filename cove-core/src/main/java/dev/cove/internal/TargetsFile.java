package dev.cove.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonProcessingException;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;

/**
 * A list of accounts to run in, read from a file: plain lines of account IDs ({@code #} starts a comment), CSV
 * with a header that has an {@code Id} column, a JSON array of objects, or JSON lines (one object per line), whose
 * objects carry {@code Id} and optionally {@code Name}, {@code Email} and {@code Region}. The output of
 * {@code cove targets -f jsonl}, {@code -f json} or {@code -f csv} is such a file. The file is read once, when the
 * {@link dev.cove.Cove} is built; a bad row fails naming the file, the line and the value.
 */
public final class TargetsFile {

    private static final String OPTION = "targetsFile";
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    private final Path path;
    private final List<Row> rows;

    /**
     * One row of the file.
     *
     * @param line the row's line in the file (1-based)
     * @param id the account ID
     * @param name the account name, or null
     * @param email the account e-mail, or null
     * @param region the region, or null for the run's regions
     */
    record Row(int line, String id, String name, String email, String region) {
    }

    private TargetsFile(Path path, List<Row> rows) {
        this.path = path;
        this.rows = rows;
    }

    /**
     * Names a file to read when the configuration is checked.
     *
     * @param path the file
     * @return the file, not read yet
     */
    public static TargetsFile unread(Path path) {
        return new TargetsFile(path, null);
    }

    /**
     * Returns the file's path.
     *
     * @return the path
     */
    public Path path() {
        return path;
    }

    /**
     * Returns the rows, in file order, without repeated account × region pairs.
     *
     * @return the rows
     */
    List<Row> rows() {
        return rows;
    }

    /**
     * Returns whether any row names a region.
     *
     * @return true when the file decides regions
     */
    boolean hasRegions() {
        return rows.stream().anyMatch(row -> row.region() != null);
    }

    /**
     * Returns the first row that names a region.
     *
     * @return the row, or null
     */
    Row firstRowWithRegion() {
        return rows.stream().filter(row -> row.region() != null).findFirst().orElse(null);
    }

    /**
     * Returns whether any row gives a name or an e-mail.
     *
     * @return true when the file carries names or e-mails
     */
    boolean hasNamesOrEmails() {
        return rows.stream().anyMatch(row -> row.name() != null || row.email() != null);
    }

    /**
     * Reads and checks the file, unless it was read already.
     *
     * @return the file with its rows
     * @throws dev.cove.CoveConfigurationException naming the file, the line and the value of a bad row, or why the
     *     file cannot be read
     */
    TargetsFile read() {
        if (rows != null) {
            return this;
        }
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw Validation.fail(OPTION, path.toString(), "cannot read " + path + ": " + describe(e));
        }
        List<Row> parsed = parse(text);
        if (parsed.isEmpty()) {
            throw Validation.fail(OPTION, path.toString(), path + " lists no account: give one 12-digit account ID "
                    + "per line, or CSV or JSON with an Id field");
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Row> unique = new ArrayList<>();
        for (Row row : parsed) {
            if (seen.add(row.id() + "/" + row.region())) {
                unique.add(row);
            }
        }
        return new TargetsFile(path, List.copyOf(unique));
    }

    private static String describe(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file"
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private List<Row> parse(String text) {
        List<String> lines = text.lines().toList();
        for (String line : lines) {
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            if (content.startsWith("[") || content.startsWith("{")) {
                return json(text);
            }
            if (content.contains(",") || content.equalsIgnoreCase("id")) {
                return csv(text);
            }
            return plain(lines);
        }
        return List.of();
    }

    private List<Row> plain(List<String> lines) {
        List<Row> parsed = new ArrayList<>();
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

    private List<Row> csv(String text) {
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
        List<Row> parsed = new ArrayList<>();
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

    private List<Row> json(String text) {
        List<Row> parsed = new ArrayList<>();
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
            throw Validation.fail(OPTION, path.toString(), "cannot read " + path + ": " + describe(e));
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

    private Row row(int line, Map<String, String> fields) {
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
        return new Row(line, id, blankToNull(fields.get("name")), blankToNull(fields.get("email")), region);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private dev.cove.CoveConfigurationException fail(int line, String value, String rule) {
        return Validation.fail(OPTION, value, path + (line > 0 ? ":" + line : "") + ": " + rule);
    }

    /**
     * Returns the file's accounts, in file order: when the organization can be listed, each must be one of its
     * ACTIVE members (and its metadata is the organization's); otherwise the file's name and e-mail are kept.
     *
     * @param organization the organization's accounts, if listed
     * @return the accounts by ID
     * @throws dev.cove.CoveConfigurationException naming the file, the line and the account that is not an ACTIVE
     *     member
     */
    Map<String, OrgAccount> accounts(Optional<Map<String, OrgAccount>> organization) {
        Map<String, OrgAccount> accounts = new LinkedHashMap<>();
        for (Row row : rows) {
            if (accounts.containsKey(row.id())) {
                continue;
            }
            if (organization.isPresent()) {
                OrgAccount listed = organization.get().get(row.id());
                String where = path + ":" + row.line() + ": account " + row.id();
                if (listed == null) {
                    throw Validation.fail("targetsFile", row.id(), where + " is not a member of this organization; "
                            + "remove it or check the ID");
                }
                if (!listed.active()) {
                    throw Validation.fail("targetsFile", row.id(), where + " is "
                            + (listed.lifecycle() == null ? "listed without a State" : listed.lifecycle())
                            + ", not ACTIVE; remove it");
                }
                accounts.put(row.id(), listed);
            } else {
                accounts.put(row.id(), new OrgAccount(row.id(), null, row.email(), row.name(), null, null));
            }
        }
        return accounts;
    }

    @Override
    public String toString() {
        return "TargetsFile[" + path + (rows == null ? "" : ", " + rows.size() + " rows") + "]";
    }
}
