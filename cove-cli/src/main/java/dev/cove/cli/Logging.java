package dev.cove.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Sets up logging before the first logger exists: Cove's warnings on stderr, and with {@code --debug} Cove's
 * debug log too. How a run stopped early is Cove's INFO, which the command says in its own terms instead.
 * The AWS SDK and the HTTP client stay at WARN even with {@code --debug}, because at DEBUG the SDK's signer
 * logs canonical requests, which carry the session token.
 */
final class Logging {

    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private Logging() {
    }

    /**
     * Configures logging for the command about to run.
     *
     * @param spec the running command, to find {@code --debug}
     */
    static void configure(CommandSpec spec) {
        boolean debug = debug(spec.commandLine());
        setDefault("defaultLogLevel", "warn");
        setDefault("logFile", "System.err");
        setDefault("showThreadName", "false");
        setDefault("showShortLogName", "true");
        setDefault("levelInBrackets", "true");
        setDefault("log.software.amazon.awssdk", "warn");
        setDefault("log.org.apache.http", "warn");
        if (debug) {
            setDefault("log.dev.cove", "debug");
        }
    }

    /**
     * Returns whether {@code --debug} was given anywhere on the command line.
     *
     * @param commandLine any command of the parsed command line
     * @return true with {@code --debug}
     */
    static boolean debug(CommandLine commandLine) {
        CommandLine root = commandLine;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        for (ParseResult result = root.getParseResult(); result != null; result = result.subcommand()) {
            if (result.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    private static void setDefault(String key, String value) {
        System.getProperties().putIfAbsent(PREFIX + key, value);
    }
}
