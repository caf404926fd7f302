package dev.cove.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.cove.cli.exec.Executables;
import dev.cove.testkit.MotoExtension;
import dev.cove.testkit.OrgFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifests of {@code deploy/}, run as the engines run them: each shard a process with exactly the
 * environment Kubernetes (an Indexed Job) or AWS Batch (an array job) gives its workers, the manifest's own
 * environment, and the image's programs on PATH ({@code cove}, {@code cove-shard}, {@code cove-merge}, and the
 * AWS CLI as the example program). What the engines provide around the processes is stood in for: the
 * volumes by directories (the manifest's mount paths mapped to them), S3 by moto, the IRSA or job-role
 * credentials by moto's. The merged ledger must hold every target of the plan exactly once, as a run on one
 * machine does.
 */
class ScaleOutIT {

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private static final Path REPOSITORY = CoveProcess.JAR.getParent().getParent().getParent();
    private static final Path DEPLOY = REPOSITORY.resolve("deploy");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private OrgFixture org;
    private Path plan;
    private Path bin;

    @BeforeEach
    void makeThePlan() throws Exception {
        org = SmallOrganization.build(MOTO.endpoint());
        bin = Files.createDirectory(dir.resolve("bin"));
        // as deploy/Dockerfile installs them
        Files.createSymbolicLink(bin.resolve("cove"), REPOSITORY.resolve("bin/cove"));
        Files.createSymbolicLink(bin.resolve("cove-shard"), DEPLOY.resolve("cove-shard.sh"));
        Files.createSymbolicLink(bin.resolve("cove-merge"), DEPLOY.resolve("cove-merge.sh"));
        plan = dir.resolve("plan.jsonl");
        Result made = run(List.of("cove", "targets", "--regions", "us-east-1,eu-west-1", "--format", "jsonl",
                "--output", plan.toString()), Map.of());
        assertThat(made.exitCode()).as(made.err()).isZero();
    }

    @Test
    void kubernetesIndexedJob_threeShardsAndTheMergeJob_holdEveryTargetOnce_asOneMachineDoes() throws Exception {
        JsonNode job = YAML.readTree(DEPLOY.resolve("kubernetes/job.yaml").toFile());
        JsonNode mergeJob = YAML.readTree(DEPLOY.resolve("kubernetes/merge-job.yaml").toFile());
        JsonNode pvc = YAML.readTree(DEPLOY.resolve("kubernetes/ledgers-pvc.yaml").toFile());
        JsonNode account = YAML.readTree(DEPLOY.resolve("kubernetes/serviceaccount.yaml").toFile());
        String runScript = Files.readString(DEPLOY.resolve("kubernetes/run.sh"));

        // the fields this test relies on
        assertThat(job.at("/kind").asText()).isEqualTo("Job");
        assertThat(job.at("/spec/completionMode").asText()).isEqualTo("Indexed");
        int shards = job.at("/spec/completions").asInt();
        assertThat(job.at("/spec/parallelism").asInt()).isEqualTo(shards);
        JsonNode pod = job.at("/spec/template/spec");
        assertThat(pod.at("/serviceAccountName").asText()).isEqualTo(account.at("/metadata/name").asText());
        assertThat(account.at("/metadata/annotations").has("eks.amazonaws.com/role-arn")).isTrue();
        JsonNode container = pod.at("/containers/0");
        Map<String, String> env = env(container);
        assertThat(env).containsEntry("SHARDS", Integer.toString(shards)).containsKeys("PLAN", "LEDGERS", "RUN_ID");
        assertThat(container.at("/env").findValue("fieldPath").asText())
                .isEqualTo("metadata.labels['batch.kubernetes.io/controller-uid']");
        JsonNode planVolume = volume(pod, "plan");
        assertThat(planVolume.at("/configMap/name").asText()).isEqualTo("cove-plan");
        String planKey = planVolume.at("/configMap/items/0/key").asText();
        assertThat(env.get("PLAN")).isEqualTo(mountPath(container, "plan") + "/"
                + planVolume.at("/configMap/items/0/path").asText());
        assertThat(runScript).contains("create configmap cove-plan --from-file=" + planKey + "=plan.jsonl");
        assertThat(env.get("LEDGERS")).isEqualTo(mountPath(container, "ledgers"));
        assertThat(volume(pod, "ledgers").at("/persistentVolumeClaim/claimName").asText())
                .isEqualTo(pvc.at("/metadata/name").asText());
        assertThat(pvc.at("/spec/accessModes").toString()).contains("ReadWriteMany");
        JsonNode mergeContainer = mergeJob.at("/spec/template/spec/containers/0");
        assertThat(env(mergeContainer)).containsEntry("PLAN", env.get("PLAN")).containsEntry("LEDGERS",
                env.get("LEDGERS")).containsEntry("RUN_ID", "SHARDS_JOB_UID");
        assertThat(runScript).contains("s/SHARDS_JOB_UID/");

        // the volumes, mounted where the manifests say
        Path mounts = Files.createDirectory(dir.resolve("mounts"));
        Map<String, String> mounted = Map.of(mountPath(container, "plan"), mounts.resolve("plan").toString(),
                mountPath(container, "ledgers"), mounts.resolve("ledgers").toString());
        Files.createDirectories(mounts.resolve("plan"));
        Files.createDirectories(mounts.resolve("ledgers"));
        Files.copy(plan, mounts.resolve("plan").resolve(planKey));
        String uid = UUID.randomUUID().toString();

        List<Process> pods = new ArrayList<>();
        for (int index = 0; index < shards; index++) {
            Map<String, String> podEnv = remapped(env, mounted);
            podEnv.put("RUN_ID", uid); // the fieldRef, resolved
            podEnv.put("JOB_COMPLETION_INDEX", Integer.toString(index)); // what the Job controller sets
            podEnv.put("HOSTNAME", job.at("/metadata/name").asText() + "-" + index);
            pods.add(start(command(container), podEnv, dir.resolve("pod-" + index)));
        }
        for (int index = 0; index < shards; index++) {
            assertThat(pods.get(index).waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(pods.get(index).exitValue()).as(read(dir.resolve("pod-" + index + ".err"))).isZero();
        }
        Map<String, String> mergeEnv = remapped(env(mergeContainer), mounted);
        mergeEnv.put("RUN_ID", uid); // what run.sh puts in place of SHARDS_JOB_UID
        Result merge = run(command(mergeContainer), mergeEnv);

        assertThat(merge.exitCode()).as(merge.err()).isZero();
        assertThat(merge.err()).contains("cove: merged " + shards + " ledgers: 8 targets: 8 succeeded");
        assertSameTargetsAsOneMachine(Cli.jsonLines(read(mounts.resolve("ledgers").resolve(uid).resolve("run.jsonl"))),
                command(container).subList(1, command(container).size()));
    }

    @Test
    void awsBatchArrayJob_threeChildrenAndTheMergeJob_holdEveryTargetOnce_asOneMachineDoes() throws Exception {
        JsonNode definition = JSON.readTree(DEPLOY.resolve("aws-batch/job-definition.json").toFile());
        JsonNode mergeDefinition = JSON.readTree(DEPLOY.resolve("aws-batch/merge-job-definition.json").toFile());
        String submit = Files.readString(DEPLOY.resolve("aws-batch/submit.sh"));
        int shards = 3;

        // the fields this test relies on
        JsonNode container = definition.at("/containerProperties");
        assertThat(container.at("/command/0").asText()).isEqualTo("cove-shard");
        Map<String, String> env = batchEnv(container);
        assertThat(env).containsKeys("PLAN", "LEDGERS").doesNotContainKeys("SHARDS", "RUN_ID");
        assertThat(mergeDefinition.at("/containerProperties/command/0").asText()).isEqualTo("cove-merge");
        assertThat(submit).contains("--array-properties \"size=$shards\"", "{name=PLAN,value=$plan}",
                "{name=LEDGERS,value=$ledgers}", "{name=RUN_ID,value=$array}", "--depends-on \"jobId=$array\"",
                "plan=\"s3://$bucket/runs/plan.jsonl\"", "ledgers=\"s3://$bucket/runs/ledgers\"");

        // what submit.sh does with a bucket: the plan in S3, the overrides
        String bucket = "cove-scale-out-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(run(List.of("aws", "s3", "mb", "s3://" + bucket), Map.of()).exitCode()).isZero();
        String planUri = "s3://" + bucket + "/runs/plan.jsonl";
        String ledgers = "s3://" + bucket + "/runs/ledgers";
        assertThat(run(List.of("aws", "s3", "cp", plan.toString(), planUri), Map.of()).exitCode()).isZero();
        String arrayJob = UUID.randomUUID().toString();

        List<Process> children = new ArrayList<>();
        for (int index = 0; index < shards; index++) {
            Map<String, String> childEnv = new HashMap<>(env);
            childEnv.put("PLAN", planUri);
            childEnv.put("LEDGERS", ledgers);
            // what AWS Batch sets in a child of an array job
            // (https://docs.aws.amazon.com/batch/latest/userguide/job_env_vars.html)
            childEnv.put("AWS_BATCH_JOB_ARRAY_INDEX", Integer.toString(index));
            childEnv.put("AWS_BATCH_JOB_ARRAY_SIZE", Integer.toString(shards));
            childEnv.put("AWS_BATCH_JOB_ID", arrayJob + ":" + index);
            childEnv.put("AWS_BATCH_JOB_ATTEMPT", "1");
            childEnv.put("AWS_BATCH_CE_NAME", "cove-compute");
            childEnv.put("AWS_BATCH_JQ_NAME", "cove-queue");
            childEnv.put("TMPDIR", Files.createDirectory(dir.resolve("tmp-" + index)).toString()); // a /tmp each
            children.add(start(command(container), childEnv, dir.resolve("child-" + index)));
        }
        for (int index = 0; index < shards; index++) {
            assertThat(children.get(index).waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(children.get(index).exitValue()).as(read(dir.resolve("child-" + index + ".err"))).isZero();
        }
        Map<String, String> mergeEnv = new HashMap<>(batchEnv(mergeDefinition.at("/containerProperties")));
        mergeEnv.putAll(Map.of("PLAN", planUri, "LEDGERS", ledgers, "RUN_ID", arrayJob,
                "AWS_BATCH_JOB_ID", UUID.randomUUID().toString(), "AWS_BATCH_JOB_ATTEMPT", "1",
                "AWS_BATCH_CE_NAME", "cove-compute", "AWS_BATCH_JQ_NAME", "cove-queue"));
        Result merge = run(command(mergeDefinition.at("/containerProperties")), mergeEnv);
        Path merged = dir.resolve("run.jsonl");
        Result fetched = run(List.of("aws", "s3", "cp", ledgers + "/" + arrayJob + "/run.jsonl", merged.toString()),
                Map.of());

        assertThat(merge.exitCode()).as(merge.err()).isZero();
        assertThat(merge.err()).contains("cove: merged " + shards + " ledgers: 8 targets: 8 succeeded");
        assertThat(fetched.exitCode()).as(fetched.err()).isZero();
        assertSameTargetsAsOneMachine(Cli.jsonLines(read(merged)), command(container).subList(1,
                command(container).size()));
    }

    @Test
    void awsBatchChild_stoppedWithSigterm_storesItsLedger_andItsRetryResumesIt() throws Exception {
        JsonNode container = JSON.readTree(DEPLOY.resolve("aws-batch/job-definition.json").toFile())
                .at("/containerProperties");
        String bucket = "cove-retry-" + UUID.randomUUID().toString().substring(0, 8);
        run(List.of("aws", "s3", "mb", "s3://" + bucket), Map.of());
        String planUri = "s3://" + bucket + "/runs/plan.jsonl";
        String ledgers = "s3://" + bucket + "/runs/ledgers";
        run(List.of("aws", "s3", "cp", plan.toString(), planUri), Map.of());
        String arrayJob = UUID.randomUUID().toString();
        Map<String, String> childEnv = new HashMap<>(batchEnv(container));
        childEnv.putAll(Map.of("PLAN", planUri, "LEDGERS", ledgers, "COVE_OPTIONS", "--workers 8",
                "AWS_BATCH_JOB_ARRAY_INDEX", "0", "AWS_BATCH_JOB_ARRAY_SIZE", "3",
                "AWS_BATCH_JOB_ID", arrayJob + ":0", "AWS_BATCH_JOB_ATTEMPT", "1"));
        childEnv.put("TMPDIR", Files.createDirectory(dir.resolve("attempt-1")).toString());
        // a program whose eu-west-1 targets take long, so that the engine stops the child mid-way
        Process first = start(List.of("cove-shard", "sh", "-c",
                "[ \"$COVE_REGION\" = eu-west-1 ] && sleep 120; echo \"$COVE_ACCOUNT_ID\""), childEnv,
                dir.resolve("attempt-1"));
        awaitLines(dir.resolve("attempt-1"), 2);

        first.destroy(); // SIGTERM, as AWS Batch stops a container
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Path stored = dir.resolve("stored.jsonl");
        run(List.of("aws", "s3", "cp", ledgers + "/" + arrayJob + "/shard-0.jsonl", stored.toString()), Map.of());
        List<JsonNode> stopped = Cli.jsonLines(read(stored));
        childEnv.put("AWS_BATCH_JOB_ATTEMPT", "2");
        childEnv.put("TMPDIR", Files.createDirectory(dir.resolve("attempt-2")).toString());
        Process retry = start(List.of("cove-shard", "sh", "-c", "echo \"$COVE_ACCOUNT_ID\""), childEnv,
                dir.resolve("attempt-2"));
        assertThat(retry.waitFor(3, TimeUnit.MINUTES)).isTrue();
        run(List.of("aws", "s3", "cp", ledgers + "/" + arrayJob + "/shard-0.jsonl", stored.toString()), Map.of());

        assertThat(first.exitValue()).as(read(dir.resolve("attempt-1.err"))).isEqualTo(130);
        assertThat(stopped).hasSize(4).extracting(r -> r.get("Outcome").asText())
                .containsExactlyInAnyOrder("Result", "Result", "Interrupted", "Interrupted");
        assertThat(retry.exitValue()).as(read(dir.resolve("attempt-2.err"))).isZero();
        List<JsonNode> resumed = Cli.jsonLines(read(stored));
        assertThat(resumed).hasSize(6).as("the earlier records stay, the retry's are appended")
                .startsWith(stopped.toArray(JsonNode[]::new));
        assertThat(resumed.subList(4, 6)).allSatisfy(r -> {
            assertThat(r.get("Outcome").asText()).isEqualTo("Result");
            assertThat(r.get("Region").asText()).isEqualTo("eu-west-1");
        });
    }

    /** Waits until the ledger a child writes in its temporary directory has some lines. */
    private static void awaitLines(Path temporary, int lines) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.walk(temporary)) {
                List<Path> ledgers = files.filter(f -> f.getFileName().toString().startsWith("shard-")).toList();
                if (!ledgers.isEmpty() && read(ledgers.get(0)).lines().count() >= lines) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no ledger with " + lines + " lines in " + temporary);
    }

    /** Runs the program on one machine, with the same plan, and compares what each target returned. */
    private void assertSameTargetsAsOneMachine(List<JsonNode> merged, List<String> program) throws Exception {
        Path single = dir.resolve("single.jsonl");
        List<String> command = new ArrayList<>(List.of("cove", "exec", "--targets-file", plan.toString(), "--format",
                "jsonl", "--output", single.toString(), "--"));
        command.addAll(program);
        Result oneMachine = run(command, Map.of());
        assertThat(oneMachine.exitCode()).as(oneMachine.err()).isZero();

        List<String> expected = Cli.jsonLines(read(single)).stream().map(ScaleOutIT::summary).toList();
        assertThat(merged).extracting(ScaleOutIT::summary).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(merged).extracting(r -> r.get("Id").asText() + " " + r.get("Region").asText())
                .containsExactlyInAnyOrderElementsOf(Cli.jsonLines(read(plan)).stream()
                        .map(r -> r.get("Id").asText() + " " + r.get("Region").asText()).toList());
        assertThat(expected).hasSize(org.memberIds().size() * 2);
    }

    /** A target and what it returned: the account the program found itself in. */
    private static String summary(JsonNode record) {
        return record.get("Id").asText() + " " + record.get("Region").asText() + " " + record.get("Outcome").asText()
                + " " + record.path("Result").path("Account").asText();
    }

    private static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode variable : container.path("env")) {
            env.put(variable.get("name").asText(), variable.path("value").asText(null));
        }
        return env;
    }

    private static Map<String, String> batchEnv(JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode variable : container.path("environment")) {
            env.put(variable.get("name").asText(), variable.get("value").asText());
        }
        return env;
    }

    private static JsonNode volume(JsonNode pod, String name) {
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.get("name").asText().equals(name)) {
                return volume;
            }
        }
        throw new AssertionError("no volume " + name);
    }

    private static String mountPath(JsonNode container, String volume) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.get("name").asText().equals(volume)) {
                return mount.get("mountPath").asText();
            }
        }
        throw new AssertionError("no mount of " + volume);
    }

    private static List<String> command(JsonNode container) {
        List<String> command = new ArrayList<>();
        container.path("command").forEach(part -> command.add(part.asText()));
        container.path("args").forEach(part -> command.add(part.asText()));
        return command;
    }

    /** The manifest's environment, with paths under a mount moved to where the test mounted the volume. */
    private static Map<String, String> remapped(Map<String, String> env, Map<String, String> mounts) {
        Map<String, String> result = new HashMap<>();
        env.forEach((name, value) -> {
            String mapped = value;
            for (Map.Entry<String, String> mount : mounts.entrySet()) {
                if (value != null && (value.equals(mount.getKey()) || value.startsWith(mount.getKey() + "/"))) {
                    mapped = mount.getValue() + value.substring(mount.getKey().length());
                }
            }
            if (mapped != null) {
                result.put(name, mapped);
            }
        });
        return result;
    }

    /** The machine's part: the image's PATH, and credentials and region as IRSA or a job role would give. */
    private Map<String, String> machine(Map<String, String> env) {
        Map<String, String> all = new HashMap<>();
        all.put("PATH", bin + ":" + System.getenv("PATH"));
        all.put("HOME", dir.toString());
        all.put("LANG", "C.UTF-8");
        all.put("JAVA_HOME", System.getProperty("java.home"));
        all.put("AWS_ACCESS_KEY_ID", "testing");
        all.put("AWS_SECRET_ACCESS_KEY", "testing");
        all.put("AWS_REGION", "us-east-1");
        all.put("AWS_DEFAULT_REGION", "us-east-1");
        all.put("AWS_ENDPOINT_URL", MOTO.endpoint().toString());
        all.put("AWS_CONFIG_FILE", dir.resolve("no-aws-config").toString());
        all.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-aws-credentials").toString());
        all.putAll(env);
        return all;
    }

    private Process start(List<String> command, Map<String, String> env, Path output) throws IOException {
        Map<String, String> environment = machine(env);
        List<String> line = new ArrayList<>(command);
        // found on the container's PATH, as the container runtime finds it
        line.set(0, Executables.locate(command.get(0), environment.get("PATH")).orElseThrow().toString());
        ProcessBuilder builder = new ProcessBuilder(line).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(Path.of(output + ".out").toFile())
                .redirectError(Path.of(output + ".err").toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return builder.start();
    }

    private Result run(List<String> command, Map<String, String> env) throws Exception {
        Path output = Files.createTempFile(dir, "run-", "");
        Process process = start(command, env, output);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
        return new Result(process.exitValue(), read(Path.of(output + ".out")), read(Path.of(output + ".err")));
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
