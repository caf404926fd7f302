package dev.cove.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closes resources that must not turn a finished run into a failed one when they fail to close. */
final class Closer {

    private static final Logger LOG = LoggerFactory.getLogger(Closer.class);

    private Closer() {
    }

    /**
     * Closes the resource, logging (not throwing) any failure.
     *
     * @param resource the resource, may be null
     */
    static void quietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            LOG.debug("Failed to close {}: {}", resource.getClass().getSimpleName(), e.toString());
        }
    }
}
