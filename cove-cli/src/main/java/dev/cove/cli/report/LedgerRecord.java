package dev.cove.cli.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cove.CoveOutcome;
import dev.cove.cli.output.FailureGroups;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the report needs of one line of a {@code jsonl} ledger. Every field but {@code Id} may be absent: older
 * ledgers carry no {@code StartedAt}, {@code DurationMs} or {@code OuPath}, and a target that never ran has no
 * duration.
 *
 * @param id the account ({@code Id})
 * @param name the account's name ({@code Name}), or null
 * @param region the region ({@code Region}), or null
 * @param outcome the outcome label ({@code Outcome}, e.g. {@code Result}, {@code Skipped})
 * @param ouPath the account's OU path ({@code OuPath}, e.g. {@code /Prod/Web}), or null
 * @param cause the group of a target that did not succeed (see {@link FailureGroups#cause}), or null for a result
 * @param details the full description ({@code ExceptionDetails}, or {@code Reason} of a skipped target), or null
 * @param hint the last line the program wrote on stderr ({@code Stderr}), or null
 * @param startedAt when it started ({@code StartedAt}), or null
 * @param durationMs how long it ran in milliseconds ({@code DurationMs}), or -1 when absent
 */
public record LedgerRecord(String id, String name, String region, String outcome, String ouPath, String cause,
        String details, String hint, Instant startedAt, long durationMs) {

    /** The outcome of a target that succeeded. */
    static final String RESULT = CoveOutcome.RESULT.label();
    /** The outcome of a target whose program failed. */
    static final String EXCEPTION = CoveOutcome.EXCEPTION.label();
    /** The outcome of a target whose role could not be assumed. */
    static final String FAILED_ASSUME_ROLE = CoveOutcome.FAILED_ASSUME_ROLE.label();
    /** The outcome of a target that never started. */
    static final String SKIPPED = CoveOutcome.SKIPPED.label();
    /** The outcome of a target stopped while it ran, as the ledgers of runs that record it write it. */
    static final String INTERRUPTED = "Interrupted";

    private static final String NOT_STARTED = "not started: ";
    private static final int LONGEST_TEXT = 2_000;

    /** The fields the report reads; the others are skipped unread. */
    private static final Set<String> TEXT_FIELDS = Set.of("Id", "Name", "Region", "Outcome", "OuPath", "ErrorCode",
            "ExceptionDetails", "Reason", "Stderr", "StartedAt");

    /**
     * Reads one record.
     *
     * @param parser a parser on the record's opening brace; left on its closing brace
     * @param shared texts met before, so that records share one copy of the values many of them hold (outcome,
     *     region, OU path, cause); added to
     * @return the record
     * @throws IOException when the record is not complete JSON
     * @throws IllegalArgumentException when the object has no {@code Id}
     */
    static LedgerRecord read(JsonParser parser, Map<String, String> shared) throws IOException {
        Map<String, String> fields = new HashMap<>();
        boolean hasResult = false;
        boolean assumedRole = true;
        long durationMs = -1;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (TEXT_FIELDS.contains(field)) {
                String text = value.isScalarValue() && value != JsonToken.VALUE_NULL ? parser.getText() : null;
                parser.skipChildren();
                if (text != null && !text.isBlank()) {
                    fields.put(field, text);
                }
            } else if (field.equals("DurationMs")) {
                durationMs = duration(parser, value);
            } else {
                hasResult |= field.equals("Result");
                assumedRole &= !(field.equals("AssumeRoleSuccess") && value == JsonToken.VALUE_FALSE);
                parser.skipChildren();
            }
        }
        String id = fields.get("Id");
        if (id == null) {
            throw new IllegalArgumentException("the record has no \"Id\"");
        }
        String outcome = fields.getOrDefault("Outcome", hasResult ? RESULT : assumedRole ? EXCEPTION : FAILED_ASSUME_ROLE);
        String details = fields.get("ExceptionDetails");
        String cause = null;
        if (outcome.equals(SKIPPED) || outcome.equals(INTERRUPTED)) {
            String reason = fields.get("Reason");
            if (reason == null && details != null && details.startsWith(NOT_STARTED)) {
                reason = details.substring(NOT_STARTED.length());
            }
            details = reason != null ? reason : details;
            cause = details != null ? FailureGroups.cause(null, details) : outcome.toLowerCase(Locale.ROOT);
        } else if (!outcome.equals(RESULT)) {
            cause = FailureGroups.cause(fields.get("ErrorCode"), details);
        }
        return new LedgerRecord(id, fields.get("Name"), share(fields.get("Region"), shared), share(outcome, shared),
                share(ouPath(fields.get("OuPath")), shared), share(cause, shared), cut(details),
                cause == null ? null : cut(FailureGroups.lastLine(fields.get("Stderr"))),
                instant(fields.get("StartedAt")), durationMs);
    }

    /**
     * Returns the record as a member of a failure group.
     *
     * @return the failure; meaningful only for a record that did not succeed
     */
    FailureGroups.Failure failure() {
        return new FailureGroups.Failure(outcome, cause, id, name, region, details, hint);
    }

    /** Returns whether the target's run failed: its program, or assuming its role. */
    boolean failed() {
        return outcome.equals(EXCEPTION) || outcome.equals(FAILED_ASSUME_ROLE);
    }

    /** Returns whether the record carries how long the target ran. */
    boolean timed() {
        return durationMs >= 0;
    }

    private static String ouPath(String path) {
        if (path == null) {
            return null;
        }
        String trimmed = path.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        String withRoot = trimmed.startsWith("/") ? trimmed : "/" + trimmed;
        return withRoot.length() > 1 && withRoot.endsWith("/") ? withRoot.substring(0, withRoot.length() - 1) : withRoot;
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notUtc) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notAnInstant) {
                return null;
            }
        }
    }

    private static long duration(JsonParser parser, JsonToken value) throws IOException {
        long millis;
        if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
            millis = Math.round(parser.getDoubleValue());
        } else if (value == JsonToken.VALUE_STRING) {
            try {
                millis = Math.round(Double.parseDouble(parser.getText().strip()));
            } catch (NumberFormatException notANumber) {
                millis = -1;
            }
        } else {
            parser.skipChildren();
            millis = -1;
        }
        return millis < 0 ? -1 : millis;
    }

    private static String share(String text, Map<String, String> shared) {
        return text == null ? null : shared.computeIfAbsent(text, same -> same);
    }

    private static String cut(String text) {
        return text == null || text.length() <= LONGEST_TEXT ? text : text.substring(0, LONGEST_TEXT - 1) + "…";
    }
}
