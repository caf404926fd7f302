package dev.cove.cli.report;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the report of a run as one self-contained HTML page, from the Pebble template {@code report.html.peb}
 * (HTML escaping on for every value): inline CSS and SVG, no script, no font or image from anywhere, so the file
 * opens the same from a disk, a mail or a CI artifact.
 */
public final class HtmlReport {

    private static final String TEMPLATE = "report.html.peb";
    private static final PebbleEngine ENGINE = new PebbleEngine.Builder()
            .loader(loader())
            .strictVariables(true)
            .defaultLocale(Locale.ROOT)
            .build();

    private final Ledgers ledgers;

    private HtmlReport(Ledgers ledgers) {
        this.ledgers = ledgers;
    }

    /**
     * Reads the records of a run.
     *
     * @param files the run's {@code jsonl} ledgers, in the order their records were written
     * @return the report, ready to be written
     * @throws UnreadableLedgerException when a file cannot be read, or holds a line that is not a record
     */
    public static HtmlReport read(List<Path> files) throws UnreadableLedgerException {
        return new HtmlReport(Ledgers.read(files));
    }

    /**
     * Returns how many targets the report covers.
     *
     * @return one per account × region
     */
    public int targets() {
        return ledgers.records().size();
    }

    /**
     * Writes the page.
     *
     * @param writer where to write; not closed
     * @param now the time the page says it was made
     * @throws IOException when writing fails
     */
    public void write(Writer writer, Instant now) throws IOException {
        PebbleTemplate template = ENGINE.getTemplate(TEMPLATE);
        template.evaluate(writer, Map.of("page", ReportPage.of(ledgers, now)));
    }

    private static ClasspathLoader loader() {
        ClasspathLoader loader = new ClasspathLoader(HtmlReport.class.getClassLoader());
        loader.setPrefix("dev/cove/cli/report");
        return loader;
    }
}
