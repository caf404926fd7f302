/**
 * Cove's implementation: organization discovery, role assumption, scheduling and progress. Nothing here
 * is public API; it may change in any release.
 */
package dev.cove.internal;
