package io.opsdeck.prometheus;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Turns the IOException of a failed HTTP exchange into a kind and one human sentence.
 * (Private to this package until the shared io.opsdeck.http describer replaces it.)
 */
final class TransportFailures {

    record Described(PrometheusException.Kind kind, String problem) {
    }

    private TransportFailures() {
    }

    static Described describe(IOException e, java.net.URI url) {
        String host = url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort());
        if (e instanceof UnknownHostException) {
            return new Described(PrometheusException.Kind.CONNECTION, "unknown host " + url.getHost());
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            // OkHttp wraps the socket's own message ("Connection refused") in "Failed to connect to /host".
            String reason = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                    : e.getMessage() != null && !e.getMessage().startsWith("Failed to connect") ? e.getMessage()
                    : "connection refused";
            return new Described(PrometheusException.Kind.CONNECTION, "cannot connect to " + host
                    + " (" + firstLine(reason).toLowerCase(java.util.Locale.ROOT) + ")");
        }
        if (e instanceof SocketTimeoutException || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
            return new Described(PrometheusException.Kind.TIMEOUT, "no answer within the timeout");
        }
        if ("Canceled".equals(e.getMessage())) {
            return new Described(PrometheusException.Kind.CANCELLED, "the request was cancelled");
        }
        if (e instanceof InterruptedIOException) {
            return new Described(PrometheusException.Kind.CANCELLED, "the request was interrupted");
        }
        if (e instanceof SSLPeerUnverifiedException) {
            return new Described(PrometheusException.Kind.TLS, "the server's TLS certificate does not match host "
                    + url.getHost() + " (" + firstLine(e.getMessage()) + ")");
        }
        if (e instanceof SSLException) {
            if (hasCause(e, CertPathValidatorException.class) || hasCauseNamed(e, "SunCertPathBuilderException")) {
                return new Described(PrometheusException.Kind.TLS, "the server's TLS certificate is not trusted: "
                        + "it is signed by an unknown certificate authority (add its CA to the source's TLS settings)");
            }
            if (hasCause(e, CertificateException.class)) {
                return new Described(PrometheusException.Kind.TLS, "the server's TLS certificate was rejected ("
                        + firstLine(rootMessage(e)) + ")");
            }
            return new Described(PrometheusException.Kind.TLS, "TLS handshake failed (" + firstLine(rootMessage(e)) + ")");
        }
        return new Described(PrometheusException.Kind.CONNECTION, "connection to " + host + " failed ("
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())) + ")");
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasCauseNamed(Throwable e, String simpleName) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals(simpleName)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
