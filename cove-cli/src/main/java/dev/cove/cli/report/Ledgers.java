package dev.cove.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cove.cli.output.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        int lines = 0;
        int replaced = 0;
        int cutLines = 0;
        for (Path file : files) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                boolean endsWithNewline = endsWithNewline(file);
                int number = 0;
                String line = reader.readLine();
                while (line != null) {
                    number++;
                    String next = reader.readLine();
                    if (!line.isBlank()) {
                        LedgerRecord record;
                        try {
                            record = LedgerRecord.of(object(line), shared);
                        } catch (JsonProcessingException | IllegalArgumentException e) {
                            if (next == null && !endsWithNewline) {
                                cutLines++;
                                break;
                            }
                            throw new UnreadableLedgerException(file + " line " + number + ": " + problem(e)
                                    + "; cove report reads the jsonl ledgers of cove exec -f jsonl", e);
                        }
                        lines++;
                        if (byTarget.put(record.id() + '\u0000' + record.region(), record) != null) {
                            replaced++;
                        }
                    }
                    line = next;
                }
            } catch (IOException e) {
                throw new UnreadableLedgerException(file + ": cannot be read: " + e.getMessage(), e);
            }
        }
        List<LedgerRecord> records = new ArrayList<>(byTarget.values());
        records.sort(Comparator.comparing(LedgerRecord::id)
                .thenComparing(LedgerRecord::region, Comparator.nullsFirst(Comparator.naturalOrder())));
        return new Ledgers(List.copyOf(files), records, lines, replaced, cutLines);
    }

    private static JsonNode object(String line) throws JsonProcessingException {
        JsonNode node = Json.MAPPER.readTree(line);
        if (!node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return node;
    }

    private static String problem(Exception e) {
        if (e instanceof JsonProcessingException json) {
            return "not JSON (" + json.getOriginalMessage() + ")";
        }
        return e.getMessage();
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            if (raf.length() == 0) {
                return true;
            }
            raf.seek(raf.length() - 1);
            return raf.read() == '\n';
        }
    }
}
