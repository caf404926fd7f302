/**
 * Running a program once per target: its environment, its bounded output, its time limit, its end.
 */
package dev.cove.cli.exec;
