package dev.cove.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.entry;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runner's result line survives the trip through JSON as the harness reads it. */
class ChildJvmTest {

    @Test
    void reported_readsBackWhatTheRunnerWrites() throws Exception {
        Map<String, Object> written = new LinkedHashMap<>();
        written.put("startupMillis", 412L);
        written.put("wallSeconds", 1.0E-4);
        written.put("runCpuSeconds", 12.5);
        written.put("retainedHeapBytes", 8_589_934_592L);
        written.put("results", 25);
        written.put("skipped", null);
        written.put("firstError", "Oops: \"quoted\" \\ back\nline\t\u00e9 \uD83D\uDE00 \u0001");

        // BenchRunner writes its result line with the same call.
        String line = Json.MAPPER.writeValueAsString(written);

        assertThat(line).doesNotContain("\n");
        assertThat(ChildJvm.reported(line)).containsExactly(
                entry("startupMillis", "412"),
                entry("wallSeconds", "1.0E-4"),
                entry("runCpuSeconds", "12.5"),
                entry("retainedHeapBytes", "8589934592"),
                entry("results", "25"),
                entry("firstError", "Oops: \"quoted\" \\ back\nline\t\u00e9 \uD83D\uDE00 \u0001"));
    }

    @Test
    void reported_refusesWhatIsNotAJsonObjectOfPlainValues() {
        assertThatIOException().isThrownBy(() -> ChildJvm.reported("{\"wallSeconds\":"));
        assertThatIOException().isThrownBy(() -> ChildJvm.reported("[1,2]"));
        assertThatIOException().isThrownBy(() -> ChildJvm.reported("{\"nested\":{\"a\":1}}"));
    }
}
