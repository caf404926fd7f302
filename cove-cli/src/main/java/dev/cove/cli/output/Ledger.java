package dev.cove.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cove.CoveOutcome;
import dev.cove.CoveTarget;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of one or more {@code jsonl} ledgers of {@code cove exec}, each target's latest record first
 * found. A record that ran ({@code StartedAt}) beats one that never started; between two that ran, the one
 * that started later wins; otherwise the one read later (files in the order given, lines in order) wins.
 * A last line cut short without its newline, which a killed run may leave, is ignored.
 */
public final class Ledger {

    /**
     * One record of a ledger.
     *
     * @param record the record as written
     * @param outcome its {@code Outcome}
     * @param startedAt its {@code StartedAt}, or null for a target that never started
     * @param order its place among everything read, for ties
     */
    public record Entry(ObjectNode record, CoveOutcome outcome, Instant startedAt, long order) {

        /**
         * Returns the target's account ID.
         *
         * @return the {@code Id}
         */
        public String id() {
            return record.get("Id").asText();
        }

        /**
         * Returns the target's region.
         *
         * @return the {@code Region}
         */
        public String region() {
            return record.get("Region").asText();
        }

        /**
         * Returns the target this record is of, with the metadata it carries.
         *
         * @return the target
         */
        public CoveTarget target() {
            return new CoveTarget(id(), region(), text("Arn"), text("Email"), text("Name"), text("Status"),
                    text("State"), text("OuPath"), tags());
        }

        private Map<String, String> tags() {
            JsonNode tags = record.get("Tags");
            if (tags == null || !tags.isObject()) {
                return null;
            }
            Map<String, String> map = new LinkedHashMap<>();
            tags.properties().forEach(tag -> map.put(tag.getKey(), tag.getValue().asText()));
            return map;
        }

        private String text(String key) {
            JsonNode value = record.get(key);
            return value == null || value.isNull() ? null : value.asText();
        }

        private boolean supersedes(Entry earlier) {
            if ((startedAt == null) != (earlier.startedAt == null)) {
                return startedAt != null;
            }
            if (startedAt != null && !startedAt.equals(earlier.startedAt)) {
                return startedAt.isAfter(earlier.startedAt);
            }
            return order > earlier.order;
        }
    }

    /** A ledger line that is not a record of {@code cove exec}. */
    public static final class BadLedgerException extends IOException {

        private static final long serialVersionUID = 1L;

        BadLedgerException(Path file, long line, String why) {
            super(file + " line " + line + ": " + why);
        }
    }

    private final Map<String, Entry> latest = new LinkedHashMap<>();
    private long read;

    private Ledger() {
    }

    /**
     * Reads ledgers.
     *
     * @param files the ledgers, in the order given
     * @return the ledger of their records
     * @throws IOException when a file cannot be read, or holds a line that is not a record
     */
    public static Ledger read(List<Path> files) throws IOException {
        Ledger ledger = new Ledger();
        for (Path file : files) {
            ledger.add(file);
        }
        return ledger;
    }

    private void add(Path file) throws IOException {
        boolean endsWithNewline = endsWithNewline(file);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long number = 0;
            String line;
            String next = reader.readLine();
            while ((line = next) != null) {
                number++;
                next = reader.readLine();
                if (line.isBlank()) {
                    continue;
                }
                Entry entry;
                try {
                    entry = entry(file, number, line);
                } catch (BadLedgerException e) {
                    if (next == null && !endsWithNewline) {
                        continue; // the last line of a killed run, cut short: that target has no record
                    }
                    throw e;
                }
                String key = entry.id() + "/" + entry.region();
                Entry earlier = latest.get(key);
                if (earlier == null || entry.supersedes(earlier)) {
                    latest.put(key, entry);
                }
            }
        }
    }

    private Entry entry(Path file, long number, String line) throws BadLedgerException {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new BadLedgerException(file, number, "not a JSON record");
        }
        if (!(node instanceof ObjectNode record)) {
            throw new BadLedgerException(file, number, "not a JSON object");
        }
        for (String key : List.of("Id", "Region", "Outcome")) {
            if (!record.path(key).isTextual()) {
                throw new BadLedgerException(file, number, "no " + key + ": not a record of 'cove exec -f jsonl'");
            }
        }
        CoveOutcome outcome;
        try {
            outcome = CoveOutcome.ofLabel(record.get("Outcome").asText());
        } catch (IllegalArgumentException e) {
            throw new BadLedgerException(file, number, e.getMessage());
        }
        Instant startedAt = null;
        if (record.hasNonNull("StartedAt")) {
            try {
                startedAt = Instant.parse(record.get("StartedAt").asText());
            } catch (DateTimeParseException e) {
                throw new BadLedgerException(file, number, "StartedAt is not an ISO-8601 instant: "
                        + record.get("StartedAt"));
            }
        }
        return new Entry(record, outcome, startedAt, read++);
    }

    /**
     * Returns whether a file is empty or ends with a newline, as a ledger whose last record was written whole
     * does.
     *
     * @param file the file
     * @return false when its last line was cut short
     * @throws IOException when the file cannot be read
     */
    static boolean endsWithNewline(Path file) throws IOException {
        return lastNewline(file) == Files.size(file) - 1 || Files.size(file) == 0;
    }

    /**
     * Drops the half record a killed run may have left at the end of a ledger, so that records appended to it
     * start on a line of their own and the ledger stays readable.
     *
     * @param file the ledger
     * @throws IOException when the file cannot be read or cut
     */
    static void dropTornLastLine(Path file) throws IOException {
        if (!endsWithNewline(file)) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(lastNewline(file) + 1);
            }
        }
    }

    /** The position of the file's last newline, or -1. */
    private static long lastNewline(Path file) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            for (long end = channel.size(); end > 0; end -= buffer.capacity()) {
                long start = Math.max(0, end - buffer.capacity());
                buffer.clear().limit((int) (end - start));
                channel.position(start);
                while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                    // read the whole block
                }
                for (int i = buffer.position() - 1; i >= 0; i--) {
                    if (buffer.get(i) == '\n') {
                        return start + i;
                    }
                }
            }
            return -1;
        }
    }

    /**
     * Returns each target's latest record, in the order the targets were first read.
     *
     * @return the records, one per account × region
     */
    public Collection<Entry> latest() {
        return latest.values();
    }

    /**
     * Returns the latest record of a target.
     *
     * @param id the account ID
     * @param region the region
     * @return the record, or null when no ledger has the target
     */
    public Entry latest(String id, String region) {
        return latest.get(id + "/" + region);
    }

    /**
     * Returns the targets whose latest record has no {@code Result}: failed, interrupted or skipped.
     *
     * @return the targets, in the order they were first read
     */
    public List<CoveTarget> unfinished() {
        List<CoveTarget> targets = new ArrayList<>();
        for (Entry entry : latest.values()) {
            if (entry.outcome() != CoveOutcome.RESULT) {
                targets.add(entry.target());
            }
        }
        return targets;
    }
}
