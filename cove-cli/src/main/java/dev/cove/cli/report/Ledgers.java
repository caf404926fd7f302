package dev.cove.cli.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.cove.cli.output.Json;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The records of one run, read from one or more {@code jsonl} ledgers (shards of a run, or a ledger that a
 * resumed run appended to). A target (account × region) that appears more than once counts once, by its last
 * record: files in the order given, lines in file order.
 *
 * @param files the files read
 * @param records one record per target, sorted by account, then region
 * @param lines how many records were read
 * @param replaced how many records a later record of the same target replaced
 * @param cutLines how many last lines were left out because they were cut off (a run killed while writing)
 */
record Ledgers(List<Path> files, List<LedgerRecord> records, int lines, int replaced, int cutLines) {

    /** Where Jackson says an unclosed object or array began; the line of the record says it better. */
    private static final Pattern START_MARKER = Pattern.compile("\\s*\\(start marker at \\[.*?\\]\\)");

    /**
     * Reads ledgers.
     *
     * @param files the {@code jsonl} files, in the order their records were written
     * @return their records
     * @throws UnreadableLedgerException when a file cannot be read, or a line (other than a cut-off last line)
     *     is not a record; the message names the file and the line
     */
    static Ledgers read(List<Path> files) throws UnreadableLedgerException {
        Map<String, LedgerRecord> byTarget = new HashMap<>();
        Map<String, String> shared = new HashMap<>();
        int[] counts = new int[3];
        for (Path file : files) {
            try {
                readFile(file, byTarget, shared, counts);
            } catch (IOException e) {
                throw new UnreadableLedgerException(file + ": cannot be read: " + e.getMessage(), e);
            }
        }
        List<Map.Entry<String, LedgerRecord>> targets = new ArrayList<>(byTarget.entrySet());
        targets.sort(Map.Entry.comparingByKey());
        List<LedgerRecord> records = targets.stream().map(Map.Entry::getValue).toList();
        return new Ledgers(List.copyOf(files), records, counts[0], counts[1], counts[2]);
    }

    /** Reads one file's records into {@code byTarget}; counts records read, replaced, and cut-off lines. */
    private static void readFile(Path file, Map<String, LedgerRecord> byTarget, Map<String, String> shared,
            int[] counts) throws IOException, UnreadableLedgerException {
        long lastLine = unterminatedLastLine(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                JsonParser parser = Json.MAPPER.getFactory().createParser(in)) {
            int line = 0;
            try {
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    line = parser.currentTokenLocation().getLineNr();
                    if (token != JsonToken.START_OBJECT) {
                        throw new IllegalArgumentException("not a JSON object");
                    }
                    LedgerRecord record = LedgerRecord.read(parser, shared);
                    line = 0;
                    counts[0]++;
                    // The key sorts as account, then region: IDs have one length, and \0 sorts first.
                    String target = record.id() + '\u0000' + (record.region() == null ? "" : record.region());
                    if (byTarget.put(target, record) != null) {
                        counts[1]++;
                    }
                }
            } catch (JsonProcessingException e) {
                if (lastLine >= 0 && e.getLocation() != null && e.getLocation().getByteOffset() >= lastLine) {
                    counts[2]++;
                    return;
                }
                int where = line > 0 || e.getLocation() == null ? line : e.getLocation().getLineNr();
                throw unreadable(file, where, "not JSON (" + START_MARKER.matcher(e.getOriginalMessage()).replaceAll("")
                        + ")", e);
            } catch (IllegalArgumentException e) {
                throw unreadable(file, line, e.getMessage(), e);
            }
        }
    }

    private static UnreadableLedgerException unreadable(Path file, int line, String problem, Exception cause) {
        return new UnreadableLedgerException(file + " line " + line + ": " + problem
                + "; cove report reads the jsonl ledgers of cove exec -f jsonl", cause);
    }

    /**
     * Returns where the file's last line starts when it has no line terminator (a write cut off by a kill), or -1
     * when the file ends with one.
     */
    private static long unterminatedLastLine(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long end = raf.length();
            if (end == 0) {
                return -1;
            }
            raf.seek(end - 1);
            if (raf.read() == '\n') {
                return -1;
            }
            byte[] chunk = new byte[8192];
            for (long from = Math.max(0, end - chunk.length); ; from = Math.max(0, from - chunk.length)) {
                int length = (int) Math.min(chunk.length, end - from);
                raf.seek(from);
                raf.readFully(chunk, 0, length);
                for (int i = length - 1; i >= 0; i--) {
                    if (chunk[i] == '\n') {
                        return from + i + 1;
                    }
                }
                if (from == 0) {
                    return 0;
                }
                end = from;
            }
        }
    }
}
