package io.opsdeck.prometheus;

import java.net.URI;

/**
 * A request to a Prometheus-compatible server failed. {@link #kind()} says how; for answers of the API itself
 * {@link #errorType()} and {@link #serverError()} carry Prometheus' {@code errorType} and {@code error}, and
 * {@link #httpStatus()} the HTTP status (0 when no answer arrived). The message names the source
 * (its name and the endpoint URL without credentials or query) and the problem in one sentence.
 */
public class PrometheusException extends RuntimeException {

    /** What went wrong, coarse enough to decide what to do about it. */
    public enum Kind {
        /** Prometheus answered with an error body, e.g. bad_data (HTTP 400) or execution (HTTP 422). */
        API,
        /** An HTTP error status without a Prometheus error body, e.g. 503 from a proxy or 404. */
        HTTP,
        /** Unknown host, connection refused or reset. */
        CONNECTION,
        /** The server did not answer within the timeout. */
        TIMEOUT,
        /** The TLS handshake failed, e.g. the certificate is signed by an unknown CA. */
        TLS,
        /** The body was not a Prometheus API answer: malformed or truncated JSON, unexpected structure. */
        MALFORMED,
        /** The body was not JSON at all: HTML page, text, wrong content type. */
        CONTENT_TYPE,
        /** The body was larger than the client's maxResponseBytes. */
        TOO_LARGE,
        /** The request was cancelled or the calling thread interrupted. */
        CANCELLED
    }

    private final Kind kind;
    private final String source;
    private final String url;
    private final int httpStatus;
    private final String errorType;
    private final String serverError;

    PrometheusException(Kind kind, String source, URI url, int httpStatus, String errorType, String serverError,
                        String problem, Throwable cause) {
        super(format(source, url, problem), cause);
        this.kind = kind;
        this.source = source;
        this.url = url == null ? null : redact(url);
        this.httpStatus = httpStatus;
        this.errorType = errorType;
        this.serverError = serverError;
    }

    static String format(String source, URI url, String problem) {
        String where = url == null ? "" : " (" + redact(url) + ")";
        return "Prometheus '" + source + "'" + where + ": " + problem;
    }

    /** scheme://host:port/path only: user info and query string may hold secrets or long PromQL. */
    static String redact(URI url) {
        StringBuilder out = new StringBuilder().append(url.getScheme()).append("://").append(url.getHost());
        if (url.getPort() != -1) {
            out.append(':').append(url.getPort());
        }
        if (url.getRawPath() != null) {
            out.append(url.getRawPath());
        }
        return out.toString();
    }

    public Kind kind() {
        return kind;
    }

    /** The client's name for the server. */
    public String source() {
        return source;
    }

    /** The endpoint URL without credentials and query string. */
    public String url() {
        return url;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Prometheus' errorType (bad_data, execution, timeout, canceled, internal, unavailable), or null. */
    public String errorType() {
        return errorType;
    }

    /** Prometheus' error text, or null. */
    public String serverError() {
        return serverError;
    }
}
