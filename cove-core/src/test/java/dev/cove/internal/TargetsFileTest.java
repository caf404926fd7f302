package dev.cove.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.cove.CoveConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading a targets file: each format, and a bad row named by file, line and value. */
class TargetsFileTest {

    @TempDir
    Path dir;

    private List<TargetsFile.Row> read(String text) throws IOException {
        return TargetsFile.unread(Files.writeString(dir.resolve("targets"), text)).read().rows();
    }

    @Test
    void plainLines_areAccountIds_withCommentsAndBlankLinesSkipped() throws IOException {
        assertThat(read("# prod\n111122223333\n\n  222233334444  # web\n"))
                .containsExactly(new TargetsFile.Row(2, "111122223333", null, null, null),
                        new TargetsFile.Row(4, "222233334444", null, null, null));
    }

    @Test
    void csv_readsIdNameEmailAndRegionByHeader_inAnyOrderAndCase_withQuotedFields() throws IOException {
        assertThat(read("region,ID,Name,Email,Arn\nus-east-1,111122223333,\"a, b\",a@x.org,arn\n"
                + "\n,222233334444,,,\n"))
                .containsExactly(new TargetsFile.Row(2, "111122223333", "a, b", "a@x.org", "us-east-1"),
                        new TargetsFile.Row(4, "222233334444", null, null, null));
    }

    @Test
    void csvFromCoveTargets_isATargetsFile() throws IOException {
        String csv = "Id,Region,Arn,Email,Name,Status,State,OuPath,Tags\n"
                + "111122223333,eu-west-1,arn:x,a@x.org,a,,ACTIVE,/Prod,\"{\"\"env\"\":\"\"prod\"\"}\"\n";

        assertThat(read(csv)).containsExactly(new TargetsFile.Row(2, "111122223333", "a", "a@x.org", "eu-west-1"));
    }

    @Test
    void jsonArray_andJsonLines_readTopLevelFields_andSkipNestedOnes() throws IOException {
        List<TargetsFile.Row> expected = List.of(new TargetsFile.Row(1, "111122223333", "a", null, null),
                new TargetsFile.Row(2, "222233334444", null, null, "eu-west-1"));

        assertThat(read("{\"Id\":\"111122223333\",\"Name\":\"a\",\"Tags\":{\"Id\":\"x\"}}\n"
                + "{\"id\":\"222233334444\",\"Region\":\"eu-west-1\",\"PolicyArns\":[\"p\"]}\n")).isEqualTo(expected);
        assertThat(read("[{\"Id\":\"111122223333\",\"Name\":\"a\"},\n {\"Id\":\"222233334444\",\"Region\":"
                + "\"eu-west-1\"}]")).isEqualTo(expected);
    }

    @Test
    void plainLines_withCommasInTheirComments_areStillPlainLines() throws IOException {
        assertThat(read("111122223333  # payments, ledger\n222233334444\n")).extracting(TargetsFile.Row::id)
                .containsExactly("111122223333", "222233334444");
    }

    @Test
    void repeatedAccountRegionRows_areReadOnce() throws IOException {
        assertThat(read("111122223333\n111122223333\n")).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "'111122223333\\n12345\\n'                     | 2 | '12345' is not a 12-digit account ID",
        "'Id,Name\\n111122223333,a\\nabc,b\\n'         | 3 | 'abc' is not a 12-digit account ID",
        "'Name,Email\\na,b\\n'                         | 1 | a CSV targets file starts with a header line that has an Id column",
        "'{\"Id\":\"111122223333\"}\\n{\"Name\":\"x\"}' | 2 | the row has no Id",
        "'[{\"Id\":\"111122223333\",\"Region\":\"mars-1\"}]' | 1 | unknown AWS region 'mars-1'",
        "'{\"Id\":\"111122223333\"}\\n{\"Id\": 12'      | 2 | not valid JSON",
        "'[\"111122223333\"]'                          | 1 | expected a JSON object with an Id field",
        "'{\"Results\": [], \"Exceptions\": []}'       | 1 | this is a 'cove exec' report, not a list of targets",
    })
    void aBadRow_failsNamingTheFileTheLineAndTheValue(String text, int line, String rule) throws IOException {
        Path file = Files.writeString(dir.resolve("bad"), text.replace("\\n", "\n"));

        assertThatExceptionOfType(CoveConfigurationException.class)
                .isThrownBy(() -> TargetsFile.unread(file).read())
                .satisfies(e -> assertThat(e.option()).isEqualTo("targetsFile"))
                .withMessageStartingWith("targetsFile: " + file + ":" + line + ": " + rule);
    }
}
