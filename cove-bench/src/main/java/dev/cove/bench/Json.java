package dev.cove.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The harness's one Jackson mapper, shared by the stub, the runner and the harness. */
public final class Json {

    /** Reads and writes JSON with Jackson's defaults; thread-safe. Shared, so configure nothing on it. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
