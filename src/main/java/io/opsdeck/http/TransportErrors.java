package io.opsdeck.http;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.HttpUrl;

/**
 * Turns a transport failure into one sentence a user can act on, naming the source and the URL without user info
 * or query string (both may carry secrets).
 *
 * <pre>{@code
 * catch (IOException e) {
 *     throw new SourceUnavailableException(TransportErrors.describe("main", url, e), e);
 * }
 * }</pre>
 */
public final class TransportErrors {

    private TransportErrors() {
    }

    /** What kind of failure it was, for callers that react differently (retry, mark stale, report). */
    public enum Kind {
        /** Unknown host, refused, no route, closed connection. */
        UNREACHABLE,
        /** No answer in time. */
        TIMEOUT,
        /** The TLS handshake or certificate check failed. */
        TLS,
        /** The call was cancelled by the caller. */
        CANCELLED,
        /** The answer was larger than the configured limit. */
        TOO_LARGE,
        /** Anything else. */
        OTHER
    }

    /** {@code main (https://prom:9090/api/v1/query): connection refused; is the server running on prom:9090?} */
    public static String describe(String source, HttpUrl url, Throwable error) {
        return source + " (" + safeUrl(url) + "): " + problem(url, error);
    }

    /** The failure classified; see {@link Kind}. */
    public static Kind classify(Throwable error) {
        if (find(error, ResponseTooLargeException.class) != null) {
            return Kind.TOO_LARGE;
        }
        if (mentions(error, "canceled", "cancelled")) {
            return Kind.CANCELLED;
        }
        if (find(error, SSLException.class) != null || find(error, CertificateException.class) != null
                || find(error, CertPathValidatorException.class) != null) {
            return Kind.TLS;
        }
        if (find(error, UnknownHostException.class) != null || find(error, ConnectException.class) != null
                || find(error, NoRouteToHostException.class) != null) {
            return mentions(error, "timed out", "timeout") ? Kind.TIMEOUT : Kind.UNREACHABLE;
        }
        if (find(error, SocketTimeoutException.class) != null || find(error, InterruptedIOException.class) != null) {
            return Kind.TIMEOUT;
        }
        if (mentions(error, "unexpected end of stream", "connection reset", "broken pipe", "connection abort")) {
            return Kind.UNREACHABLE;
        }
        return Kind.OTHER;
    }

    /** Same as {@link #describe(String, HttpUrl, Throwable)} for a URL string that may not parse. */
    public static String describe(String source, String url, Throwable error) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            return source + " (invalid URL): " + error.getClass().getSimpleName();
        }
        return describe(source, parsed, error);
    }

    /** The URL with user info removed and the query replaced by {@code ?…}. */
    public static String safeUrl(HttpUrl url) {
        HttpUrl.Builder b = url.newBuilder().username("").password("").query(null).fragment(null);
        return b.build() + (url.encodedQuery() != null ? "?…" : "");
    }

    /** One sentence on what went wrong and what to do, without the source name, credentials or query. */
    public static String problem(HttpUrl url, Throwable error) {
        String hostPort = url.host() + ":" + url.port();
        if (find(error, ResponseTooLargeException.class) != null) {
            return find(error, ResponseTooLargeException.class).getMessage();
        }
        if (find(error, UnknownHostException.class) != null) {
            return "unknown host \"" + url.host() + "\"; check the url and DNS";
        }
        if (find(error, SSLPeerUnverifiedException.class) != null) {
            return "TLS: the server's certificate is not valid for host \"" + url.host()
                    + "\"; fix the url or set tls.server_name";
        }
        if (mentions(error, "pkix path", "unable to find valid certification path")
                || find(error, CertPathValidatorException.class) != null) {
            return "TLS: the server's certificate is not signed by a trusted CA; set tls.ca_file";
        }
        if (mentions(error, "bad_certificate", "certificate_required", "certificate_unknown")) {
            return "TLS: the server refused the client certificate or none was sent; "
                    + "set tls.cert_file and tls.key_file";
        }
        if (find(error, CertificateException.class) != null) {
            return "TLS: the server's certificate was rejected: " + find(error, CertificateException.class).getMessage();
        }
        if (find(error, SSLHandshakeException.class) != null || find(error, SSLException.class) != null) {
            SSLException ssl = find(error, SSLException.class);
            return "TLS handshake failed (" + ssl.getMessage() + "); is this an https server, and is tls set right?";
        }
        if (find(error, ConnectException.class) != null) {
            if (mentions(error, "timed out", "timeout")) {
                return "connection to " + hostPort + " timed out; check the host, port and firewall";
            }
            return "connection refused by " + hostPort + "; is the server running and listening there?";
        }
        if (find(error, NoRouteToHostException.class) != null) {
            return "no route to " + hostPort + "; check the network";
        }
        if (mentions(error, "canceled", "cancelled")) {
            return "the request was cancelled";
        }
        if (find(error, SocketTimeoutException.class) != null || find(error, InterruptedIOException.class) != null) {
            return "no answer within the timeout; the server is slow or hung (raise timeout, or narrow the query)";
        }
        boolean closed = mentions(error, "unexpected end of stream", "connection reset", "broken pipe",
                "remote host terminated", "connection abort");
        if (closed && url.isHttps()) {
            // With TLS 1.3 a server that rejects the client certificate often just closes the connection.
            return "the server closed the connection during or right after the TLS handshake; if it requires "
                    + "a client certificate, set tls.cert_file and tls.key_file";
        }
        if (closed) {
            return "the server closed the connection unexpectedly (wrong port, plain http to an https server, "
                    + "or a proxy in the way?)";
        }
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + scrub(message, url));
    }

    private static String scrub(String message, HttpUrl url) {
        String result = message;
        if (url.encodedQuery() != null) {
            result = result.replace(url.encodedQuery(), "…");
        }
        if (!url.password().isEmpty()) {
            result = result.replace(url.encodedPassword(), "****").replace(url.password(), "****");
        }
        return result;
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static boolean mentions(Throwable error, String... needles) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            for (String needle : needles) {
                if (m.contains(needle)) {
                    return true;
                }
            }
        }
        return false;
    }
}
