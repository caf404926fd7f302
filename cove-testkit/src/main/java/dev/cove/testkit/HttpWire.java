package dev.cove.testkit;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads and writes HTTP/1.1 messages on blocking streams: Content-Length and chunked bodies,
 * {@code Expect: 100-continue}, and bodies delimited by the end of the connection.
 */
final class HttpWire {

    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_HEADERS = 200;
    private static final int MAX_BODY = 64 * 1024 * 1024;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private HttpWire() {
    }

    /**
     * Reads one request, answering {@code Expect: 100-continue} on {@code out} first.
     *
     * @return the request, or null if the client closed the connection between requests
     */
    static HttpExchange.Request readRequest(InputStream in, OutputStream out) throws IOException {
        String line = readLine(in);
        while (line != null && line.isEmpty()) {
            line = readLine(in); // tolerate stray CRLF between requests
        }
        if (line == null) {
            return null;
        }
        String[] parts = line.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new ProtocolException("malformed request line: " + line);
        }
        HeaderList headers = readHeaders(in);
        if (headers.hasToken("Expect", "100-continue")) {
            out.write(CONTINUE);
            out.flush();
        }
        byte[] body = readBody(in, headers, false);
        return new HttpExchange.Request(parts[0], parts[1], parts[2], headers, body);
    }

    /** Reads one response to a request with {@code method}, skipping interim 1xx responses. */
    static HttpExchange.Response readResponse(InputStream in, String method) throws IOException {
        while (true) {
            String line = readLine(in);
            if (line == null) {
                throw new EOFException("upstream closed the connection before answering");
            }
            String[] parts = line.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new ProtocolException("malformed status line: " + line);
            }
            int status = Integer.parseInt(parts[1]);
            String reason = parts.length == 3 ? parts[2] : "";
            HeaderList headers = readHeaders(in);
            if (status >= 100 && status < 200) {
                continue;
            }
            boolean noBody = method.equals("HEAD") || status == 204 || status == 304;
            boolean delimitedByClose = !noBody && !headers.contains("Content-Length")
                    && !headers.hasToken("Transfer-Encoding", "chunked");
            byte[] body = noBody ? new byte[0] : readBody(in, headers, true);
            boolean reusable = !delimitedByClose && !headers.hasToken("Connection", "close")
                    && (!parts[0].equals("HTTP/1.0") || headers.hasToken("Connection", "keep-alive"));
            return new HttpExchange.Response(status, reason, headers, body, reusable);
        }
    }

    /** Writes {@code request} with a Content-Length body and {@code headers} as given. */
    static void writeRequest(OutputStream out, HttpExchange.Request request, HeaderList headers)
            throws IOException {
        StringBuilder head = new StringBuilder(512)
                .append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
        appendHeaders(head, headers, request.body().length, request.body().length > 0
                || !request.method().equals("GET") && !request.method().equals("HEAD"));
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(request.body());
        out.flush();
    }

    /** Writes {@code response} with a Content-Length body, announcing close if asked. */
    static void writeResponse(OutputStream out, HttpExchange.Response response, boolean close)
            throws IOException {
        StringBuilder head = new StringBuilder(512)
                .append("HTTP/1.1 ").append(response.status()).append(' ').append(response.reason())
                .append("\r\n");
        appendHeaders(head, response.headers().withoutHopByHop(), response.body().length, true);
        if (close) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(response.body());
        out.flush();
    }

    private static void appendHeaders(StringBuilder head, HeaderList headers, int length,
            boolean withLength) {
        for (Map.Entry<String, String> field : headers.fields()) {
            head.append(field.getKey()).append(": ").append(field.getValue()).append("\r\n");
        }
        if (withLength) {
            head.append("Content-Length: ").append(length).append("\r\n");
        }
    }

    private static HeaderList readHeaders(InputStream in) throws IOException {
        HeaderList headers = new HeaderList();
        for (int count = 0; ; count++) {
            String line = readLine(in);
            if (line == null) {
                throw new EOFException("connection closed inside the header section");
            }
            if (line.isEmpty()) {
                return headers;
            }
            if (count == MAX_HEADERS) {
                throw new ProtocolException("more than " + MAX_HEADERS + " header fields");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new ProtocolException("malformed header field: " + line);
            }
            headers.add(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
    }

    private static byte[] readBody(InputStream in, HeaderList headers, boolean untilEofIfUndelimited)
            throws IOException {
        if (headers.hasToken("Transfer-Encoding", "chunked")) {
            return readChunked(in);
        }
        String length = headers.get("Content-Length");
        if (length != null) {
            long size;
            try {
                size = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                throw new ProtocolException("malformed Content-Length: " + length);
            }
            if (size < 0 || size > MAX_BODY) {
                throw new ProtocolException("unsupported Content-Length: " + length);
            }
            byte[] body = in.readNBytes((int) size);
            if (body.length != size) {
                throw new EOFException("body ended after " + body.length + " of " + size + " bytes");
            }
            return body;
        }
        return untilEofIfUndelimited ? in.readAllBytes() : new byte[0];
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                throw new EOFException("connection closed inside a chunked body");
            }
            int extension = sizeLine.indexOf(';');
            String hex = (extension < 0 ? sizeLine : sizeLine.substring(0, extension)).strip();
            int size;
            try {
                size = Integer.parseInt(hex, 16);
            } catch (NumberFormatException e) {
                throw new ProtocolException("malformed chunk size: " + sizeLine);
            }
            if (size == 0) {
                readHeaders(in); // trailer section, dropped
                return body.toByteArray();
            }
            if (size < 0 || body.size() + (long) size > MAX_BODY) {
                throw new ProtocolException("chunked body larger than " + MAX_BODY + " bytes");
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length != size) {
                throw new EOFException("connection closed inside a chunk");
            }
            body.write(chunk);
            String end = readLine(in);
            if (end == null || !end.isEmpty()) {
                throw new ProtocolException("chunk not followed by CRLF");
            }
        }
    }

    /** Reads a line ending in CRLF or LF, without the terminator; null at end of stream. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b == -1) {
                if (line.isEmpty()) {
                    return null;
                }
                throw new EOFException("connection closed inside a line");
            }
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (line.length() == MAX_LINE) {
                throw new ProtocolException("line longer than " + MAX_LINE + " bytes");
            }
            line.append((char) b);
        }
    }
}
