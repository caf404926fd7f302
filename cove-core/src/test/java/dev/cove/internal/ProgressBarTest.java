package dev.cove.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The bar shows an open total while the organization is listed, and never a guessed ETA. */
class ProgressBarTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    private String lastLine() {
        String all = bytes.toString(StandardCharsets.UTF_8);
        return all.substring(all.lastIndexOf('\r') + 1);
    }

    @Test
    void update_beforeTheTotalIsKnown_showsAnOpenTotalAndNoEta() {
        bar.update(false);

        assertThat(lastLine()).contains("1/?").contains("listing the organization").doesNotContain("ETA");
    }

    @Test
    void total_onceKnown_redrawsWithTheTotalAndAnEta_overwritingTheLongerLine() {
        bar.update(false);
        bar.update(true);
        String open = lastLine();

        bar.total(10);

        String line = lastLine();
        assertThat(line).contains("2/10").contains("failed 1").contains("ETA").doesNotContain("listing");
        assertThat(line.length()).as("padded over the open-total line").isGreaterThanOrEqualTo(open.length());
    }

    @Test
    void finish_whenNothingWasDrawn_printsNothing() {
        bar.total(0);
        bar.finish();

        assertThat(bytes.size()).isZero();
    }
}
