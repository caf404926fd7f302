package dev.cove.cli.exec;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations as people write them ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h30m}, or a bare
 * number of seconds) and as ISO-8601 ({@code PT30S}), and prints them back briefly.
 */
public final class Durations implements ITypeConverter<Duration> {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");
    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h|d))+");

    /** Creates the converter. */
    public Durations() {
    }

    @Override
    public Duration convert(String value) {
        Duration duration = parse(value);
        if (duration.isZero() || duration.isNegative()) {
            throw new TypeConversionException("'" + value + "' must be a positive duration, e.g. 30s, 5m or PT1H");
        }
        return duration;
    }

    /**
     * Parses a duration.
     *
     * @param value e.g. {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 90} (seconds) or {@code PT30S}
     * @return the duration
     * @throws TypeConversionException when the value is not a duration
     */
    public static Duration parse(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (text.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        if (text.startsWith("p") || text.startsWith("-p")) {
            try {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw invalid(value);
            }
        }
        if (!WHOLE.matcher(text).matches()) {
            throw invalid(value);
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(text);
        while (part.find()) {
            double amount = Double.parseDouble(part.group(1));
            long unitMillis = switch (part.group(2)) {
                case "ms" -> 1L;
                case "s" -> 1_000L;
                case "m" -> 60_000L;
                case "h" -> 3_600_000L;
                default -> 86_400_000L;
            };
            total = total.plusMillis(Math.round(amount * unitMillis));
        }
        return total;
    }

    /**
     * Formats a duration briefly, e.g. {@code 1.5s}, {@code 5m}, {@code 1h30m}.
     *
     * @param duration the duration
     * @return the text
     */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1_000) {
            return millis + "ms";
        }
        if (millis < 60_000) {
            return millis % 1_000 == 0 ? millis / 1_000 + "s" : String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long minutes = duration.toMinutes();
        long seconds = duration.toSecondsPart();
        if (minutes < 60) {
            return minutes + "m" + (seconds == 0 ? "" : seconds + "s");
        }
        return duration.toHours() + "h" + (duration.toMinutesPart() == 0 ? "" : duration.toMinutesPart() + "m");
    }

    private static TypeConversionException invalid(String value) {
        return new TypeConversionException("'" + value + "' is not a duration: write e.g. 30s, 5m, 1h30m, 500ms or PT30S");
    }
}
