import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Run by the package phase on the toolchain JDK (java AotCache.java, no compilation step): makes the AOT caches of
 * the cove command, which load and link its classes ahead of time.
 *
 * <pre>
 * java AotCache.java ENTRY-TIME TARGET-DIR DIST-DIR
 * </pre>
 *
 * <ul>
 *   <li>DIST-DIR/lib/cove.jar: TARGET-DIR/cove.jar with the entry time of the tarball (ENTRY-TIME, ISO-8601, or
 *       empty to keep the jar's), since a cache holds the time of the jar it was made with and is refused when an
 *       unpacked jar has another;</li>
 *   <li>DIST-DIR/lib/cove.aot: the tarball's cache, made by the bundled runtime DIST-DIR/runtime;</li>
 *   <li>TARGET-DIR/cove.aot: bin/cove's cache, made by this JDK, and TARGET-DIR/cove.aot.java the real path of
 *       the java that made it (bin/cove passes the cache to that java only).</li>
 * </ul>
 *
 * <p>ENTRY-TIME is Maven's project.build.outputTimestamp: ISO-8601 or seconds since the epoch.
 *
 * <p>A cache is made by one training run, {@code cove targets --format json} against a local stand-in for STS
 * and Organizations, with the launchers' JVM flags: a cache is refused by a JVM whose GC differs. Java 25 and
 * newer train and assemble in one command ({@code -XX:AOTCacheOutput}, JEP 514; the cache then holds method
 * profiles too, JEP 515); Java 24 records a configuration, then assembles ({@code -XX:AOTMode=record}, then
 * {@code create}, JEP 483); an older Java has no AOT cache, and nothing is made.
 */
public final class AotCache {

    private static final List<String> LAUNCHER_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private static final String ACCOUNT = "111111111111";

    private AotCache() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: java AotCache.java ENTRY-TIME TARGET-DIR DIST-DIR");
        }
        Path target = Path.of(args[1]).toAbsolutePath();
        Path dist = Path.of(args[2]).toAbsolutePath();
        Path jar = target.resolve("cove.jar");
        Path distJar = dist.resolve("lib/cove.jar");
        Files.createDirectories(distJar.getParent());
        Files.copy(jar, distJar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        if (!args[0].isBlank()) {
            Instant entryTime = args[0].matches("\\d+") ? Instant.ofEpochSecond(Long.parseLong(args[0]))
                    : Instant.parse(args[0]);
            Files.setLastModifiedTime(distJar, FileTime.from(entryTime));
        }

        Path ownCache = target.resolve("cove.aot");
        Path ownJava = Path.of(System.getProperty("java.home"), "bin", "java").toRealPath();
        Path ownRecord = target.resolve("cove.aot.java");
        Files.deleteIfExists(ownCache);
        Files.deleteIfExists(ownRecord);
        int feature = Runtime.version().feature();
        if (feature < 24) {
            System.out.println("No AOT cache: Java " + feature + " has none (Java 24 or newer makes one).");
            return;
        }

        long started = System.nanoTime();
        HttpServer server = standIn();
        try {
            String endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
            Path logs = Files.createDirectories(target.resolve("aot-training"));
            // The two trainings run at once: each mostly waits on its own JVM starting twice.
            Training bundled = Training.start(dist.resolve("runtime/bin/java"), distJar, dist.resolve("lib/cove.aot"),
                    endpoint, logs.resolve("tarball.log"), feature);
            Training own = Training.start(ownJava, jar, ownCache, endpoint, logs.resolve("bin-cove.log"), feature);
            bundled.finish();
            own.finish();
        } finally {
            server.stop(0);
        }
        Files.writeString(ownRecord, ownJava + "\n");
        System.out.printf("AOT caches made with Java %d in %.1f s: %s (tarball), %s (bin/cove)%n", feature,
                (System.nanoTime() - started) / 1e9, dist.resolve("lib/cove.aot"), ownCache);
    }

    /** One or two JVMs that run cove targets once and leave the cache. */
    private static final class Training {
        private final List<List<String>> steps;
        private final Path cache;
        private final Path log;
        private final Map<String, String> env;
        private Process running;
        private int step;

        private Training(List<List<String>> steps, Path cache, Path log, Map<String, String> env) {
            this.steps = steps;
            this.cache = cache;
            this.log = log;
            this.env = env;
        }

        static Training start(Path java, Path jar, Path cache, String endpoint, Path log, int feature)
                throws IOException {
            Files.deleteIfExists(cache);
            List<String> run = new ArrayList<>(List.of(java.toString()));
            run.addAll(LAUNCHER_FLAGS);
            List<String> cove = List.of("-jar", jar.toString(), "targets", "--format", "json");
            List<List<String>> steps = new ArrayList<>();
            if (feature >= 25) {
                steps.add(concat(run, List.of("-XX:AOTCacheOutput=" + cache), cove));
            } else {
                String config = "-XX:AOTConfiguration=" + cache + ".config";
                steps.add(concat(run, List.of("-XX:AOTMode=record", config), cove));
                steps.add(concat(run, List.of("-XX:AOTMode=create", config, "-XX:AOTCache=" + cache),
                        List.of("-jar", jar.toString())));
            }
            // Fake credentials and the stand-in's endpoint: the training never reaches AWS.
            Map<String, String> env = Map.of(
                    "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                    "AWS_ACCESS_KEY_ID", "training",
                    "AWS_SECRET_ACCESS_KEY", "training",
                    "AWS_REGION", "us-east-1",
                    "AWS_ENDPOINT_URL", endpoint,
                    "AWS_CONFIG_FILE", "/dev/null",
                    "AWS_SHARED_CREDENTIALS_FILE", "/dev/null",
                    "AWS_EC2_METADATA_DISABLED", "true");
            Training training = new Training(steps, cache, log, env);
            Files.deleteIfExists(log);
            training.next();
            return training;
        }

        private void next() throws IOException {
            ProcessBuilder builder = new ProcessBuilder(steps.get(step))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(env);
            running = builder.start();
        }

        void finish() throws Exception {
            while (true) {
                if (!running.waitFor(5, TimeUnit.MINUTES)) {
                    running.destroyForcibly();
                    throw new IllegalStateException("training did not end within 5 minutes: " + steps.get(step));
                }
                if (running.exitValue() != 0) {
                    throw new IllegalStateException("training exited with " + running.exitValue() + ": "
                            + steps.get(step) + "\n" + Files.readString(log));
                }
                if (++step == steps.size()) {
                    break;
                }
                next();
            }
            Files.deleteIfExists(Path.of(cache + ".config"));
            if (!Files.isRegularFile(cache)) {
                throw new IllegalStateException("no AOT cache " + cache + " after training:\n"
                        + Files.readString(log));
            }
        }
    }

    /**
     * STS GetCallerIdentity and the Organizations calls of cove targets, answered for an organization of three
     * accounts under its root.
     */
    private static HttpServer standIn() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String operation = exchange.getRequestHeaders().getFirst("X-Amz-Target");
                if (operation == null) {
                    respond(exchange, 200, "text/xml", """
                            <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                              <GetCallerIdentityResult><Arn>arn:aws:iam::%1$s:user/training</Arn>
                                <UserId>AIDATRAINING</UserId><Account>%1$s</Account></GetCallerIdentityResult>
                              <ResponseMetadata><RequestId>training</RequestId></ResponseMetadata>
                            </GetCallerIdentityResponse>""".formatted(ACCOUNT));
                    return;
                }
                String answer = switch (operation.substring(operation.indexOf('.') + 1)) {
                    case "ListRoots" -> """
                            {"Roots": [{"Id": "r-trn1", "Arn": "arn:aws:organizations::%s:root/o-training/r-trn1",
                             "Name": "Root", "PolicyTypes": []}]}""".formatted(ACCOUNT);
                    case "ListAccounts" -> "{\"Accounts\": " + accounts() + "}";
                    case "ListAccountsForParent" -> "{\"Accounts\": " + accounts() + "}";
                    case "ListChildren" -> body.contains("ORGANIZATIONAL_UNIT") ? "{\"Children\": []}"
                            : "{\"Children\": [{\"Id\": \"" + ACCOUNT + "\", \"Type\": \"ACCOUNT\"},"
                                    + " {\"Id\": \"222222222222\", \"Type\": \"ACCOUNT\"},"
                                    + " {\"Id\": \"333333333333\", \"Type\": \"ACCOUNT\"}]}";
                    case "ListOrganizationalUnitsForParent" -> "{\"OrganizationalUnits\": []}";
                    case "ListTagsForResource" -> "{\"Tags\": []}";
                    default -> null;
                };
                if (answer == null) {
                    respond(exchange, 400, "application/x-amz-json-1.1",
                            "{\"__type\": \"InvalidInputException\", \"Message\": \"not in the training\"}");
                } else {
                    respond(exchange, 200, "application/x-amz-json-1.1", answer);
                }
            }
        });
        server.start();
        return server;
    }

    private static String accounts() {
        StringBuilder json = new StringBuilder("[");
        for (String id : List.of(ACCOUNT, "222222222222", "333333333333")) {
            json.append(json.length() > 1 ? ", " : "").append("""
                    {"Id": "%1$s", "Arn": "arn:aws:organizations::%2$s:account/o-training/%1$s",
                     "Email": "%1$s@example.com", "Name": "account-%1$s", "Status": "ACTIVE",
                     "JoinedMethod": "CREATED", "JoinedTimestamp": 1700000000}""".formatted(id, ACCOUNT));
        }
        return json.append("]").toString();
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("x-amzn-RequestId", "training");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}
