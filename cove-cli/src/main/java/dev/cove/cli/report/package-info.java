/**
 * {@code cove report}: reads the {@code jsonl} ledgers of runs and renders one self-contained HTML page of a run
 * (totals, an OU × region grid, failures grouped by cause, the slowest targets, a histogram of durations).
 */
package dev.cove.cli.report;
