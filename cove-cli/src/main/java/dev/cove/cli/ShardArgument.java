package dev.cove.cli;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.TypeConversionException;

/**
 * The value of {@code --shard}: {@code I/N}, the I-th (0-based) of N shares, or {@code auto/N}, where I comes
 * from the environment a batch engine gives each of its workers: {@code JOB_COMPLETION_INDEX} (a Kubernetes
 * Indexed Job, https://kubernetes.io/docs/tasks/job/indexed-parallel-processing-static) or
 * {@code AWS_BATCH_JOB_ARRAY_INDEX} (an AWS Batch array job; AWS Batch also sets
 * {@code AWS_BATCH_JOB_ARRAY_SIZE}, which must then be N,
 * https://docs.aws.amazon.com/batch/latest/userguide/job_env_vars.html).
 *
 * @param index which share, 0-based
 * @param count how many shares
 */
record ShardArgument(int index, int count) {

    static final String KUBERNETES_INDEX = "JOB_COMPLETION_INDEX";
    static final String BATCH_INDEX = "AWS_BATCH_JOB_ARRAY_INDEX";
    static final String BATCH_SIZE = "AWS_BATCH_JOB_ARRAY_SIZE";

    private static final Pattern FORM = Pattern.compile("(\\d{1,9}|auto)/(\\d{1,9})");

    /**
     * Reads the value, taking {@code auto} from this process's environment.
     *
     * @param value e.g. {@code 2/8} or {@code auto/8}
     * @return the shard
     * @throws TypeConversionException when the value is malformed, or {@code auto} finds no index
     */
    static ShardArgument parse(String value) {
        return parse(value, System.getenv());
    }

    /**
     * Reads the value, taking {@code auto} from the environment given.
     *
     * @param value e.g. {@code 2/8} or {@code auto/8}
     * @param env the environment
     * @return the shard (its range is checked by the library)
     * @throws TypeConversionException when the value is malformed, or {@code auto} finds no index
     */
    static ShardArgument parse(String value, Map<String, String> env) {
        Matcher form = FORM.matcher(value.strip());
        if (!form.matches()) {
            throw new TypeConversionException("'" + value + "' is not I/N (e.g. 0/3: the first of 3 shards) nor auto/N");
        }
        int count = Integer.parseInt(form.group(2));
        if (!form.group(1).equals("auto")) {
            return new ShardArgument(Integer.parseInt(form.group(1)), count);
        }
        String variable = env.get(KUBERNETES_INDEX) != null ? KUBERNETES_INDEX : BATCH_INDEX;
        String index = env.get(variable);
        if (index == null) {
            throw new TypeConversionException("auto takes the shard index from " + KUBERNETES_INDEX + " (a Kubernetes"
                    + " Indexed Job) or " + BATCH_INDEX + " (an AWS Batch array job), and neither is set; give the"
                    + " index instead, e.g. 0/" + count);
        }
        if (!index.strip().matches("\\d{1,9}")) {
            throw new TypeConversionException(variable + " is not a shard index: '" + index + "'");
        }
        String size = env.get(BATCH_SIZE);
        if (variable.equals(BATCH_INDEX) && size != null && !size.strip().equals(Integer.toString(count))) {
            throw new TypeConversionException("auto/" + count + " in an array job of " + BATCH_SIZE + "=" + size
                    + ": give the job's size as N");
        }
        return new ShardArgument(Integer.parseInt(index.strip()), count);
    }
}
