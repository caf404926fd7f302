package dev.cove.cli.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.TypeConversionException;

/** {@code --timeout} values as people and ISO-8601 write them. */
class DurationsTest {

    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource({"500ms,500", "30s,30000", "5m,300000", "1h30m,5400000", "1.5s,1500", "90,90000", "2d,172800000",
        "PT30S,30000", "pt1h,3600000", " 10S ,10000"})
    void convert_readsHumanAndIsoDurations(String text, long millis) {
        assertThat(new Durations().convert(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @CsvSource({"soon", "5 minutes", "s", "1x", "PT", "''"})
    void convert_rejectsWhatIsNotADuration(String text) {
        assertThatThrownBy(() -> new Durations().convert(text)).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("is not a duration");
    }

    @Test
    void convert_rejectsZeroAndNegative() {
        assertThatThrownBy(() -> new Durations().convert("0s")).hasMessageContaining("positive");
        assertThatThrownBy(() -> new Durations().convert("-PT5S")).hasMessageContaining("positive");
    }

    @ParameterizedTest(name = "{0} ms -> {1}")
    @CsvSource({"250,250ms", "1000,1s", "1500,1.5s", "300000,5m", "330000,5m30s", "5400000,1h30m", "7200000,2h"})
    void format_isBrief(long millis, String text) {
        assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(text);
    }
}
