package dev.cove.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cove.CoveTarget;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The question before a run: its wording and how answers are read (the terminal itself: ConfirmationIT). */
class ConfirmationTest {

    private static CoveTarget target(String account, String region) {
        return new CoveTarget(account, region, null, null, null, null, "ACTIVE", null, null);
    }

    @Test
    void question_namesTheCommandAccountsAndRegions() {
        List<CoveTarget> plan = List.of(target("111111111111", "us-east-1"), target("111111111111", "eu-west-1"),
                target("222222222222", "us-east-1"), target("222222222222", "eu-west-1"));

        assertThat(Confirmation.question(List.of("aws", "s3", "ls"), plan))
                .isEqualTo("Run aws s3 ls in 2 accounts × 2 regions? [y/N] ");
    }

    @Test
    void question_whenAccountsRunInDifferentNumbersOfRegions_givesTheRangeAndTheTargets() {
        List<CoveTarget> plan = List.of(target("111111111111", "us-east-1"), target("222222222222", "us-east-1"),
                target("222222222222", "eu-west-1"), target("222222222222", "ap-east-1"));

        assertThat(Confirmation.question(List.of("sh", "-c", "echo $COVE_REGION"), plan))
                .isEqualTo("Run sh -c 'echo $COVE_REGION' in 2 accounts × 1–3 regions (4 targets)? [y/N] ");
    }

    @Test
    void needed_onlyForMoreThanOneAccount() {
        assertThat(Confirmation.needed(List.of(target("111111111111", "us-east-1"),
                target("111111111111", "eu-west-1")))).isFalse();
        assertThat(Confirmation.needed(List.of(target("111111111111", "us-east-1"),
                target("222222222222", "us-east-1")))).isTrue();
    }

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource({"y, true", "Y, true", "yes, true", "' YES ', true", "n, false", "no, false", "'', false",
        "yep, false"})
    void ask_onlyYOrYesIsYes(String answer, boolean yes) throws Exception {
        StringWriter err = new StringWriter();

        boolean answered = Confirmation.ask("Run? [y/N] ", new PrintWriter(err),
                new ByteArrayInputStream((answer + "\n").getBytes(StandardCharsets.UTF_8)));

        assertThat(answered).isEqualTo(yes);
        assertThat(err.toString()).isEqualTo("Run? [y/N] ");
    }

    @Test
    void ask_atTheEndOfInput_isNo() throws Exception {
        assertThat(Confirmation.ask("Run? ", new PrintWriter(new StringWriter()), new ByteArrayInputStream(new byte[0])))
                .isFalse();
    }
}
