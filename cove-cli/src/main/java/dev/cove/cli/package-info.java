/**
 * The {@code cove} command: {@link dev.cove.cli.CoveCli} is its entry point, {@link dev.cove.cli.TargetsCommand}
 * and {@link dev.cove.cli.ExecCommand} its subcommands.
 */
package dev.cove.cli;
