package dev.cove.testkit;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one client connection of a {@link FaultProxy}: reads requests one after another
 * (keep-alive), records them, applies the matching rules and forwards the rest over its own
 * upstream connection, through {@link AwsTodayAnswers} when the proxy is in AWS-today mode; Account
 * Management's Region operations are answered by {@link RegionOptIns} instead. Runs on its own virtual
 * thread.
 */
final class ProxyConnection implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyConnection.class);
    private static final Pattern ROLE_ACCOUNT = Pattern.compile("^arn:[^:]+:iam::(\\d{12}):");
    private static final int BUFFER = 16 * 1024;
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int UPSTREAM_READ_TIMEOUT_MILLIS = 300_000;

    private final FaultProxy proxy;
    private final Socket client;
    private Socket upstream;
    private InputStream upstreamIn;
    private OutputStream upstreamOut;

    ProxyConnection(FaultProxy proxy, Socket client) {
        this.proxy = proxy;
        this.client = client;
    }

    @Override
    public void run() {
        try {
            InputStream in = new BufferedInputStream(client.getInputStream(), BUFFER);
            OutputStream out = new BufferedOutputStream(client.getOutputStream(), BUFFER);
            while (!proxy.isClosed()) {
                HttpExchange.Request request = HttpWire.readRequest(in, out);
                if (request == null || !serve(request, in, out)) {
                    break;
                }
            }
        } catch (IOException e) {
            if (!proxy.isClosed()) {
                LOG.debug("client connection {} ended: {}", client.getRemoteSocketAddress(), e.toString());
            }
        } finally {
            closeUpstream();
            proxy.release(client);
        }
    }

    /** Answers one request; returns true if the connection may carry another. */
    private boolean serve(HttpExchange.Request request, InputStream in, OutputStream out) throws IOException {
        AwsRequests.Parsed parsed = AwsRequests.parse(request);
        proxy.record(parsed.recorded());
        List<Faults.ShortLivedCredentials> rewrites = new ArrayList<>(0);
        for (FaultRule rule : proxy.liveRules()) {
            if (!rule.fires(parsed.recorded())) {
                continue;
            }
            switch (rule.fault()) {
                case Faults.Latency latency -> {
                    if (!proxy.pause(latency.delay())) {
                        return false;
                    }
                }
                case Faults.ShortLivedCredentials lifetime -> rewrites.add(lifetime);
                case Faults.AwsError error -> {
                    return respond(out, FaultResponses.error(error, parsed), request);
                }
                case Faults.HttpStatus status -> {
                    return respond(out, FaultResponses.httpStatus(status), request);
                }
                case Faults.Hang hang -> {
                    hangUntilClientOrProxyCloses(in);
                    return false;
                }
                case Faults.ResetConnection reset -> {
                    client.setSoLinger(true, 0);
                    client.close();
                    return false;
                }
            }
        }
        RegionAnswers regions = proxy.regionAnswers();
        HttpExchange.Response answered = regions == null ? null : regions.answer(parsed, proxy::learnedAccount);
        if (answered != null) {
            return respond(out, answered, request);
        }
        if (RegionOptIns.answers(parsed)) {
            return respond(out, proxy.regionOptIns().answer(parsed, proxy.accountOf(parsed.recorded().accessKeyId())),
                    request);
        }
        HttpExchange.Response response;
        try {
            AwsTodayAnswers awsToday = proxy.awsTodayAnswers();
            if (awsToday != null && AwsTodayAnswers.rewrites(parsed)) {
                response = awsToday.answer(request, parsed.recorded(),
                        upstreamRequest -> forward(upstreamRequest, parsed.recorded()));
            } else {
                response = forward(request, parsed.recorded());
            }
        } catch (IOException e) {
            if (proxy.isClosed()) {
                return false;
            }
            LOG.debug("forwarding {} to {} failed: {}", parsed.recorded().action(), proxy.upstream(), e.toString());
            return respond(out, FaultResponses.badGateway(e.toString()), request);
        }
        if (response.status() == 200) {
            for (Faults.ShortLivedCredentials lifetime : rewrites) {
                response = FaultResponses.withExpiration(response, lifetime);
            }
            learnAccount(parsed.recorded(), response);
        }
        return respond(out, response, request);
    }

    private boolean respond(OutputStream out, HttpExchange.Response response, HttpExchange.Request request)
            throws IOException {
        boolean keepAlive = request.keepAlive() && !proxy.isClosed();
        HttpWire.writeResponse(out, response, !keepAlive);
        return keepAlive;
    }

    private HttpExchange.Response forward(HttpExchange.Request request, RecordedRequest recorded)
            throws IOException {
        HeaderList headers = request.headers().withoutHopByHop();
        if (recorded.accessKeyId() != null && !headers.contains(Moto.ACCOUNT_HEADER)) {
            String account = proxy.learnedAccount(recorded.accessKeyId());
            if (account != null) {
                headers.add(Moto.ACCOUNT_HEADER, account);
            }
        }
        for (int attempt = 1; ; attempt++) {
            boolean fresh = connectUpstream();
            try {
                HttpWire.writeRequest(upstreamOut, request, headers);
                HttpExchange.Response response = HttpWire.readResponse(upstreamIn, request.method());
                if (!response.reusable()) {
                    closeUpstream();
                }
                return response;
            } catch (IOException e) {
                closeUpstream();
                if (fresh || attempt > 1 || proxy.isClosed()) {
                    throw e;
                }
                // a kept-alive upstream connection went stale: retry once on a new one
            }
        }
    }

    private void learnAccount(RecordedRequest recorded, HttpExchange.Response response) {
        if (!proxy.learnsAccounts() || !"AssumeRole".equals(recorded.action())) {
            return;
        }
        String roleArn = recorded.param("RoleArn");
        Matcher account = roleArn == null ? null : ROLE_ACCOUNT.matcher(roleArn);
        String accessKeyId = FaultResponses.accessKeyId(response);
        if (account != null && account.find() && accessKeyId != null) {
            proxy.learn(accessKeyId, account.group(1));
        }
    }

    /** Blocks until the client closes its end (it gave up) or the proxy closes this socket. */
    private void hangUntilClientOrProxyCloses(InputStream in) {
        byte[] sink = new byte[BUFFER];
        try {
            client.setSoTimeout(0);
            while (in.read(sink) != -1) {
                // discard anything the client sends meanwhile
            }
        } catch (IOException closed) {
            // the proxy closed the socket
        }
    }

    private boolean connectUpstream() throws IOException {
        if (upstream != null) {
            return false;
        }
        Socket socket = new Socket();
        if (!proxy.register(socket)) {
            throw new IOException("fault proxy is closed");
        }
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(UPSTREAM_READ_TIMEOUT_MILLIS);
            socket.connect(proxy.upstreamAddress(), CONNECT_TIMEOUT_MILLIS);
            upstreamIn = new BufferedInputStream(socket.getInputStream(), BUFFER);
            upstreamOut = new BufferedOutputStream(socket.getOutputStream(), BUFFER);
        } catch (IOException e) {
            proxy.release(socket);
            throw e;
        }
        upstream = socket;
        return true;
    }

    private void closeUpstream() {
        if (upstream != null) {
            proxy.release(upstream);
            upstream = null;
            upstreamIn = null;
            upstreamOut = null;
        }
    }
}
