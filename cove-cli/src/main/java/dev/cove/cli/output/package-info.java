/**
 * The records {@code cove} prints, with botocove's keys, and the formats it prints them in.
 */
package dev.cove.cli.output;
