package dev.cove.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cove.CoveTarget;
import dev.cove.cli.output.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.TypeConversionException;

/**
 * The value of {@code --targets-file}: the targets to run, read from a file, so that a plan made once
 * ({@code cove targets -f jsonl -o plan.jsonl}) is run as it is, by every shard, without listing the
 * organization again. Each line is a JSON object with {@code Id} and, optionally, {@code Region},
 * {@code Name}, {@code Email} (and {@code Arn}, {@code Status}, {@code State}, as {@code cove targets}
 * writes them), or a bare 12-digit account ID; blank lines and lines starting with {@code #} are left out.
 * An account without {@code Region} runs in the run's regions.
 *
 * @param file the file
 * @param targets the targets it names, in its order
 */
record TargetsFile(Path file, List<CoveTarget> targets) {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    /**
     * Reads a targets file.
     *
     * @param argument the option's value: the file's path
     * @return the targets
     * @throws TypeConversionException naming the file, the line and what is wrong with it
     */
    static TargetsFile read(String argument) {
        Path file = Path.of(argument);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new TypeConversionException("no such file: " + file);
        } catch (IOException | RuntimeException e) {
            throw (TypeConversionException) new TypeConversionException("cannot read " + file + ": " + e.getMessage())
                    .initCause(e);
        }
        List<CoveTarget> targets = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                targets.add(target(line, file, i + 1));
            }
        }
        if (targets.isEmpty()) {
            throw new TypeConversionException(file + " names no target: give one account per line, as a 12-digit"
                    + " ID or a JSON object with Id (and optionally Region, Name, Email)");
        }
        return new TargetsFile(file, List.copyOf(targets));
    }

    private static CoveTarget target(String line, Path file, int number) {
        if (ACCOUNT_ID.matcher(line).matches()) {
            return new CoveTarget(line, null, null, null, null, null, null);
        }
        JsonNode record;
        try {
            record = Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            record = null;
        }
        if (record == null || !record.isObject()) {
            throw new TypeConversionException(file + " line " + number + ": neither a 12-digit account ID nor a JSON"
                    + " object: " + abbreviate(line));
        }
        String id = text(record, "Id");
        if (id == null || !ACCOUNT_ID.matcher(id).matches()) {
            throw new TypeConversionException(file + " line " + number + ": Id must be a 12-digit account ID, got "
                    + (id == null ? "none" : "'" + id + "'"));
        }
        return new CoveTarget(id, text(record, "Region"), text(record, "Arn"), text(record, "Email"),
                text(record, "Name"), text(record, "Status"), text(record, "State"));
    }

    private static String text(JsonNode record, String key) {
        JsonNode value = record.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String abbreviate(String line) {
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }
}
