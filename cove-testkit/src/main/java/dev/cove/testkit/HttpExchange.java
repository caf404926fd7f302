package dev.cove.testkit;

/** An HTTP/1.1 request or response with its whole body read into memory. */
final class HttpExchange {

    private HttpExchange() {
    }

    /** A request as read from a client. */
    record Request(String method, String target, String version, HeaderList headers, byte[] body) {

        /** Returns true if the client expects the connection to stay open afterwards. */
        boolean keepAlive() {
            if (headers.hasToken("Connection", "close")) {
                return false;
            }
            return !version.equals("HTTP/1.0") || headers.hasToken("Connection", "keep-alive");
        }

        String path() {
            int query = target.indexOf('?');
            return query < 0 ? target : target.substring(0, query);
        }

        String query() {
            int query = target.indexOf('?');
            return query < 0 ? "" : target.substring(query + 1);
        }
    }

    /** A response, from the upstream or made up by a fault. */
    record Response(int status, String reason, HeaderList headers, byte[] body, boolean reusable) {

        Response withBody(byte[] newBody) {
            return new Response(status, reason, headers, newBody, reusable);
        }
    }
}
