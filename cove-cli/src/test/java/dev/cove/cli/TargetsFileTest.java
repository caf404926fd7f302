package dev.cove.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.cove.CoveTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.TypeConversionException;

/** The plan a {@code --targets-file} holds: JSON lines as {@code cove targets -f jsonl} writes them, or IDs. */
class TargetsFileTest {

    @TempDir
    Path dir;

    @Test
    void read_jsonLinesOfCoveTargets_keepsEveryFieldItKnows() throws Exception {
        Path file = Files.writeString(dir.resolve("plan.jsonl"), """
                {"Id":"111122223333","Region":"us-east-1","Arn":"arn:x","Email":"a@example.com","Name":"prod","State":"ACTIVE"}
                {"Id":"111122223333","Region":"eu-west-1"}

                # a comment
                {"Id":"444455556666","Name":"dev","Other":"ignored"}
                777788889999
                """);

        TargetsFile plan = TargetsFile.read(file.toString());

        assertThat(plan.targets()).containsExactly(
                new CoveTarget("111122223333", "us-east-1", "arn:x", "a@example.com", "prod", null, "ACTIVE"),
                new CoveTarget("111122223333", "eu-west-1", null, null, null, null, null),
                new CoveTarget("444455556666", null, null, null, "dev", null, null),
                new CoveTarget("777788889999", null, null, null, null, null, null));
    }

    @Test
    void read_whenALineIsBad_namesTheFileAndTheLine() throws Exception {
        Path file = Files.writeString(dir.resolve("plan.jsonl"), "111122223333\n{\"Id\": \"12\"}\n");
        Path text = Files.writeString(dir.resolve("plan.txt"), "111122223333\nprod-account\n");

        assertThatExceptionOfType(TypeConversionException.class).isThrownBy(() -> TargetsFile.read(file.toString()))
                .withMessage(file + " line 2: Id must be a 12-digit account ID, got '12'");
        assertThatExceptionOfType(TypeConversionException.class).isThrownBy(() -> TargetsFile.read(text.toString()))
                .withMessage(text + " line 2: neither a 12-digit account ID nor a JSON object: prod-account");
        assertThatExceptionOfType(TypeConversionException.class)
                .isThrownBy(() -> TargetsFile.read(dir.resolve("none").toString()))
                .withMessage("no such file: " + dir.resolve("none"));
    }
}
