package dev.cove.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** {@code --shard I/N} and {@code --shard auto/N} with the variables Kubernetes and AWS Batch set. */
class ShardArgumentTest {

    @Test
    void parse_anIndexOfACount_givesThatShard() {
        assertThat(ShardArgument.parse("2/8", Map.of())).isEqualTo(new ShardArgument(2, 8));
    }

    @Test
    void parse_auto_inAKubernetesIndexedJob_takesJobCompletionIndex() {
        assertThat(ShardArgument.parse("auto/3", Map.of("JOB_COMPLETION_INDEX", "1")))
                .isEqualTo(new ShardArgument(1, 3));
    }

    @Test
    void parse_auto_inAnAwsBatchArrayJob_takesTheArrayIndex() {
        assertThat(ShardArgument.parse("auto/3", Map.of("AWS_BATCH_JOB_ARRAY_INDEX", "2",
                "AWS_BATCH_JOB_ARRAY_SIZE", "3"))).isEqualTo(new ShardArgument(2, 3));
    }

    @Test
    void parse_auto_whenTheArrayJobHasAnotherSize_saysSo() {
        assertThatExceptionOfType(TypeConversionException.class)
                .isThrownBy(() -> ShardArgument.parse("auto/3", Map.of("AWS_BATCH_JOB_ARRAY_INDEX", "2",
                        "AWS_BATCH_JOB_ARRAY_SIZE", "4")))
                .withMessage("auto/3 in an array job of AWS_BATCH_JOB_ARRAY_SIZE=4: give the job's size as N");
    }

    @Test
    void parse_auto_outsideAnEngine_namesTheVariablesItReads() {
        assertThatExceptionOfType(TypeConversionException.class)
                .isThrownBy(() -> ShardArgument.parse("auto/3", Map.of()))
                .withMessageContaining("JOB_COMPLETION_INDEX").withMessageContaining("AWS_BATCH_JOB_ARRAY_INDEX")
                .withMessageContaining("e.g. 0/3");
    }

    @Test
    void parse_whenMalformed_showsTheForm() {
        for (String bad : new String[] {"3", "1/", "a/3", "-1/3", "1/3/4", "auto"}) {
            assertThatExceptionOfType(TypeConversionException.class).isThrownBy(() -> ShardArgument.parse(bad, Map.of()))
                    .withMessage("'" + bad + "' is not I/N (e.g. 0/3: the first of 3 shards) nor auto/N");
        }
        assertThatExceptionOfType(TypeConversionException.class)
                .isThrownBy(() -> ShardArgument.parse("auto/3", Map.of("JOB_COMPLETION_INDEX", "x")))
                .withMessage("JOB_COMPLETION_INDEX is not a shard index: 'x'");
    }
}
