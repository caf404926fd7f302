package dev.cove.bench;

import java.util.List;

/**
 * Names what a CPU sample was doing: the step of a run (the innermost frame that marks one) and the part of
 * the SDK or JDK inside it (the innermost frame that marks one), e.g.
 * {@code session.client(): build SDK client / interceptor classpath scan}.
 */
final class SamplePhase {

    /** Steps of a run, by a method that marks them; the innermost marked frame names the step. */
    private static final String[][] STEPS = {
        {"dev.cove.internal.AccountRole.", "AssumeRole (AccountRole)"},
        {"dev.cove.internal.DefaultCoveSession.client", "session.client(): build SDK client"},
        {"dev.cove.internal.DefaultCoveSession.close", "close session clients"},
        {"dev.cove.bench.runner.BenchRunner.lambda", "function: GetCallerIdentity"},
        {"dev.cove.internal.OrganizationDirectory", "discovery (Organizations)"},
        {"dev.cove.internal.TargetResolver", "discovery (caller identity)"},
        {"dev.cove.internal.ResultSink", "result sink"},
        {"dev.cove.internal.CoveRun", "scheduling (CoveRun)"},
    };

    /** Parts of the SDK, HTTP client and JDK, checked from the innermost frame out. */
    private static final String[][] PARTS = {
        {"ClasspathInterceptorChainFactory", "interceptor classpath scan"},
        {"java.lang.ClassLoader.loadClass", "class loading"},
        {"jdk.internal.loader.", "class loading"},
        {"software.amazon.awssdk.http.auth.aws.", "SigV4 signing"},
        {"SigningStage", "SigV4 signing"},
        {"software.amazon.awssdk.protocols.query.unmarshall", "XML response parsing"},
        {"software.amazon.awssdk.protocols.query.internal.unmarshall", "XML response parsing"},
        {"software.amazon.awssdk.protocols.json.internal.unmarshall", "JSON response parsing"},
        {"com.sun.org.apache.xerces", "XML response parsing"},
        {"software.amazon.awssdk.protocols.query.internal.marshall", "request marshalling"},
        {"software.amazon.awssdk.http.apache.", "Apache HTTP client"},
        {"org.apache.http.", "Apache HTTP client"},
        {"sun.nio.ch.", "socket I/O"},
        {"java.net.Socket", "socket I/O"},
        {"software.amazon.awssdk.services.sts.endpoints", "endpoint rules"},
        {"software.amazon.awssdk.services.organizations.endpoints", "endpoint rules"},
        {"software.amazon.awssdk.regions.", "region metadata"},
        {"software.amazon.awssdk.core.client.builder.", "client builder"},
        {"software.amazon.awssdk.awscore.client.builder.", "client builder"},
        {"software.amazon.awssdk.utils.AttributeMap", "client configuration maps"},
        {"software.amazon.awssdk.core.internal.http.pipeline", "SDK request pipeline"},
        {"software.amazon.awssdk.", "SDK, other"},
        {"java.lang.VirtualThread", "virtual thread scheduling"},
        {"jdk.internal.vm.Continuation", "virtual thread scheduling"},
    };

    private SamplePhase() {
    }

    /**
     * Names a sample.
     *
     * @param frames the sample's methods, innermost first
     * @return "step / part"
     */
    static String of(List<String> frames) {
        String step = "other";
        outer:
        for (String frame : frames) {
            for (String[] s : STEPS) {
                if (frame.contains(s[0])) {
                    step = s[1];
                    break outer;
                }
            }
        }
        for (String frame : frames) {
            for (String[] p : PARTS) {
                if (frame.contains(p[0])) {
                    return step + " / " + p[1];
                }
            }
        }
        return step + " / other";
    }
}
