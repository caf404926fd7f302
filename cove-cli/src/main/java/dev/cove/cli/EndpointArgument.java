package dev.cove.cli;

import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine.TypeConversionException;

/** Reads the value of {@code --endpoint-url}: an absolute http or https URL with a host. */
final class EndpointArgument {

    private EndpointArgument() {
    }

    /**
     * Parses the endpoint.
     *
     * @param url the option's value as typed
     * @return the endpoint
     * @throws TypeConversionException when the value is not an http(s) URL with a host
     */
    static URI parse(String url) {
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme();
            if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, in the same words as any other malformed value
        }
        throw new TypeConversionException("'" + url + "' is not an http:// or https:// URL with a host,"
                + " e.g. http://127.0.0.1:5000");
    }
}
