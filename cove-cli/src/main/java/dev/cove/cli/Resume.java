package dev.cove.cli;

import dev.cove.CoveOutcome;
import dev.cove.CoveTarget;
import dev.cove.cli.output.Destination;
import dev.cove.cli.output.Ledger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code cove exec --resume LEDGER}: finds the targets an earlier run did not finish, and appends the new
 * records to its ledger, so that the ledger, merged, names every target with its latest outcome.
 */
final class Resume {

    private Resume() {
    }

    /**
     * Returns the targets to run again: those of the ledger whose latest record is no {@code Result}, or, given
     * the run's plan (as this shard resolves it), those of the plan without a {@code Result} in the ledger,
     * which include the targets a run killed outright never wrote.
     *
     * @param command the running command
     * @param ledger the ledger of the earlier run
     * @param output the command's output options, which must leave the ledger as the output
     * @param planned the targets of the plan (this shard's share of it), or null without a plan
     * @return the targets, with the metadata the ledger (or the plan) gives
     * @throws ParameterException when the ledger cannot be read, or another output is asked for
     */
    static List<CoveTarget> unfinished(CommandSpec command, Path ledger, OutputOptions output,
            List<CoveTarget> planned) {
        if (output.formatGiven() && output.format() != Format.JSONL) {
            throw conflict(command, "--resume appends jsonl records to " + ledger + ": leave out --format, or give jsonl");
        }
        if (output.output() != null && !output.output().equals(ledger.toAbsolutePath())) {
            throw conflict(command, "--resume appends the new records to " + ledger + " itself: leave out --output");
        }
        if (command.commandLine().getParseResult().hasMatchedOption("--target-ids")) {
            throw conflict(command, "--resume runs the targets of " + ledger + ": leave out --target-ids");
        }
        Ledger earlier;
        try {
            earlier = Ledger.read(List.of(ledger));
        } catch (IOException e) {
            throw bad(command, "cannot read " + ledger + ": " + e.getMessage());
        }
        if (planned == null) {
            return earlier.unfinished();
        }
        List<CoveTarget> targets = new ArrayList<>();
        for (CoveTarget target : planned) {
            Ledger.Entry latest = earlier.latest(target.id(), target.region());
            if (latest == null || latest.outcome() != CoveOutcome.RESULT) {
                targets.add(target);
            }
        }
        return targets;
    }

    /**
     * Returns the ledger as the destination of the new records, after checking that it can be appended to.
     *
     * @param command the running command
     * @param ledger the ledger
     * @return the destination
     */
    static Destination ledger(CommandSpec command, Path ledger) {
        Destination destination = Destination.appendingTo(command.commandLine().getOut(), ledger.toAbsolutePath());
        try {
            if (!Files.isRegularFile(ledger)) {
                throw new IOException("not a file");
            }
            destination.checkWritable();
        } catch (IOException e) {
            throw bad(command, "cannot append to " + ledger + ": " + e.getMessage());
        }
        return destination;
    }

    private static ParameterException conflict(CommandSpec command, String message) {
        return new ParameterException(command.commandLine(), message);
    }

    private static ParameterException bad(CommandSpec command, String message) {
        return new ParameterException(command.commandLine(), "Invalid value for option '--resume': " + message);
    }
}
