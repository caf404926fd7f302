package dev.cove.internal;

import dev.cove.CoveTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A list of accounts to run in, read from a file: plain lines of account IDs ({@code #} starts a comment), CSV
 * with a header that has an {@code Id} column, a JSON array of objects, or JSON lines (one object per line), whose
 * objects carry {@code Id} and optionally {@code Name}, {@code Email} and {@code Region}. The output of
 * {@code cove targets -f jsonl}, {@code -f json} or {@code -f csv} is such a file. The file is read once, when the
 * {@link dev.cove.Cove} is built; a bad row fails naming the file, the line and the value.
 */
public final class TargetsFile {

    private static final String OPTION = "targetsFile";

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
     * Returns whether every row names a region: the file is a plan, as {@code cove targets -f jsonl} writes one.
     *
     * @return true when the file gives every account its regions
     */
    boolean isPlan() {
        return rows.stream().allMatch(row -> row.region() != null);
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
        List<Row> parsed = new TargetsFileParser(path).parse(text);
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

    /**
     * Reads the file and returns its rows as targets, without calling AWS: each with its account ID, its region
     * (null when the file names none) and the name and email the file gives.
     *
     * @return the targets, in the file's order, each account × region once
     * @throws dev.cove.CoveConfigurationException naming the file, the line and the value of a bad row, or why the
     *     file cannot be read
     */
    public List<CoveTarget> targets() {
        return read().rows().stream().map(row -> new CoveTarget(row.id(), row.region(), null, row.email(), row.name(),
                null, null, null, null)).toList();
    }

    static String describe(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file"
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
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
