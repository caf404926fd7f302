package dev.cove.cli.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cove.CoveOutcome;
import dev.cove.CoveResult;
import dev.cove.CoveTarget;
import dev.cove.SessionInformation;
import dev.cove.cli.exec.ChildFailedException;
import dev.cove.cli.exec.ChildOutcome;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Builds the records the command prints, with botocove's PascalCase keys in botocove's order; absent
 * values are omitted. A record never holds credentials. The calling account's records
 * ({@code --include-host}) say {@code "CallingAccount": true} and have no {@code RoleName}: no role is assumed
 * there.
 */
public final class Records {

    /** The keys of a target record, in order. */
    public static final List<String> TARGET_KEYS = List.of("Id", "Region", "Arn", "Email", "Name", "Status",
            "State", "OuPath", "Tags");

    /** The keys of an exec record, in order (each present only when it has a value). */
    public static final List<String> EXEC_KEYS = List.of("Id", "Arn", "Email", "Name", "Status", "State", "OuPath",
            "Tags", "Region", "Partition", "CallingAccount", "RoleName", "RoleSessionName", "Policy", "PolicyArns",
            "ExternalId", "AssumeRoleSuccess", "Outcome", "Reason", "StartedAt", "DurationMs", "Result",
            "ExceptionDetails", "ErrorCode", "ExitCode", "TimedOut", "Stdout", "Stderr", "StdoutTruncatedBytes",
            "StderrTruncatedBytes");

    private Records() {
    }

    /**
     * Returns the record of one target of a dry run.
     *
     * @param target the target
     * @return {@code Id}, {@code Region}, {@code Arn}, {@code Email}, {@code Name}, {@code Status} (only when AWS
     *     sent it), {@code State}, and {@code OuPath} and {@code Tags} when the selection read them
     */
    public static ObjectNode target(CoveTarget target) {
        ObjectNode node = Json.object();
        put(node, "Id", target.id());
        put(node, "Region", target.region());
        account(node, target.arn(), target.email(), target.name(), target.status(), target.state(), target.ouPath(),
                target.tags());
        return node;
    }

    /**
     * Returns the record of a target that no ledger names: {@code Skipped}, with the reason.
     *
     * @param target the target, as the plan names it
     * @param reason why it is missing
     * @return the record, with the keys of an exec record
     */
    public static ObjectNode missing(CoveTarget target, String reason) {
        ObjectNode node = Json.object();
        put(node, "Id", target.id());
        account(node, target.arn(), target.email(), target.name(), target.status(), target.state(), target.ouPath(),
                target.tags());
        put(node, "Region", target.region());
        node.put("AssumeRoleSuccess", false);
        node.put("Outcome", CoveOutcome.SKIPPED.label());
        node.put("Reason", reason);
        node.put("ExceptionDetails", "not started: " + reason);
        return node;
    }

    /**
     * Returns the record of one target's outcome. A target stopped before it ended carries the {@code Reason}
     * the run stopped: one that never started is {@code Skipped}, with {@code ExceptionDetails}
     * {@code not started: <reason>}; one stopped mid-way is {@code Interrupted}. A target that started
     * carries {@code StartedAt} (ISO-8601, UTC, milliseconds) and {@code DurationMs}.
     *
     * @param result the outcome
     * @param withOutcome whether to add the {@code Outcome} field (jsonl and csv)
     * @param whyStopped why the run stopped early, in the command's terms (for skipped and interrupted targets)
     * @return the record
     */
    public static ObjectNode outcome(CoveResult<ChildOutcome> result, boolean withOutcome, String whyStopped) {
        ObjectNode node = sessionInformation(result.info());
        if (withOutcome) {
            node.put("Outcome", result.outcome().label());
        }
        boolean stopped = result.outcome() == CoveOutcome.SKIPPED || result.outcome() == CoveOutcome.INTERRUPTED;
        if (stopped && whyStopped != null) {
            node.put("Reason", whyStopped);
        }
        if (result.startedAt() != null) {
            node.put("StartedAt", DateTimeFormatter.ISO_INSTANT.format(result.startedAt().truncatedTo(ChronoUnit.MILLIS)));
            node.put("DurationMs", result.duration().toMillis());
        }
        if (result.outcome() == CoveOutcome.SKIPPED) {
            node.put("ExceptionDetails", "not started: " + whyStopped);
            return node;
        }
        if (result.outcome() == CoveOutcome.RESULT) {
            ChildOutcome child = result.result();
            if (child == null) {
                node.putNull("Result");
            } else {
                node.set("Result", Json.value(child.stdout(), child.stdoutDroppedBytes() > 0));
                child(node, child, false);
            }
            return node;
        }
        node.put("ExceptionDetails", ExceptionDetails.describe(result.exception()));
        put(node, "ErrorCode", ExceptionDetails.errorCode(result.exception()));
        if (result.exception() instanceof ChildFailedException failed && failed.outcome() != null) {
            child(node, failed.outcome(), true);
        }
        return node;
    }

    /** The account's organization metadata, in the records' order: Arn, Email, Name, Status, State, OuPath, Tags. */
    private static void account(ObjectNode node, String arn, String email, String name, String status, String state,
            String ouPath, Map<String, String> tags) {
        put(node, "Arn", arn);
        put(node, "Email", email);
        put(node, "Name", name);
        put(node, "Status", status);
        put(node, "State", state);
        put(node, "OuPath", ouPath);
        putTags(node, tags);
    }

    private static ObjectNode sessionInformation(SessionInformation info) {
        ObjectNode node = Json.object();
        put(node, "Id", info.id());
        account(node, info.arn(), info.email(), info.name(), info.status(), info.state(), info.ouPath(), info.tags());
        put(node, "Region", info.region());
        put(node, "Partition", info.partition());
        if (info.callingAccount()) {
            node.put("CallingAccount", true);
        }
        put(node, "RoleName", info.roleName());
        put(node, "RoleSessionName", info.roleSessionName());
        put(node, "Policy", info.policy());
        if (!info.policyArns().isEmpty()) {
            info.policyArns().forEach(node.putArray("PolicyArns")::add);
        }
        put(node, "ExternalId", info.externalId());
        node.put("AssumeRoleSuccess", info.assumeRoleSuccess());
        return node;
    }

    private static void child(ObjectNode node, ChildOutcome child, boolean failed) {
        node.put("ExitCode", child.exitCode());
        if (child.timedOut()) {
            node.put("TimedOut", true);
        }
        if (failed && !child.stdout().isEmpty()) {
            node.set("Stdout", Json.value(child.stdout(), child.stdoutDroppedBytes() > 0));
        }
        if (!child.stderr().isEmpty()) {
            node.put("Stderr", Json.withoutTrailingNewlines(child.stderr()));
        }
        if (child.stdoutDroppedBytes() > 0) {
            node.put("StdoutTruncatedBytes", child.stdoutDroppedBytes());
        }
        if (child.stderrDroppedBytes() > 0) {
            node.put("StderrTruncatedBytes", child.stderrDroppedBytes());
        }
    }

    /** Tags as a JSON object, sorted by key; absent when the selection did not read them. */
    private static void putTags(ObjectNode node, Map<String, String> tags) {
        if (tags != null) {
            ObjectNode object = node.putObject("Tags");
            tags.forEach(object::put);
        }
    }

    private static void put(ObjectNode node, String key, String value) {
        if (value != null) {
            node.put(key, value);
        }
    }
}
