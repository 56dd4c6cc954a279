package io.opsdeck.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLParameters;
import okhttp3.HttpUrl;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * A loopback HTTP(S) server (com.sun.net.httpserver) that records what arrives: it stands in for a TLS-fronted
 * source, a proxy, or a hostile server, none of which a real Prometheus offers on demand.
 */
final class TestServer implements AutoCloseable {

    /** What one request looked like on arrival. */
    record Received(String method, URI uri, Map<String, List<String>> headers) {
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }
    }

    /** How the server answers. */
    interface Responder {
        void respond(HttpExchange exchange) throws IOException;
    }

    static final Responder OK = ex -> send(ex, 200, "ok");

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final String scheme;

    private TestServer(HttpServer server, String scheme, Responder responder) {
        this.server = server;
        this.scheme = scheme;
        server.createContext("/", ex -> {
            received.add(new Received(ex.getRequestMethod(), ex.getRequestURI(), Map.copyOf(ex.getRequestHeaders())));
            try (ex) {
                responder.respond(ex);
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    static TestServer http(Responder responder) throws IOException {
        return new TestServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), "http", responder);
    }

    /** HTTPS with the given certificate; when {@code clientCa} is set, a client certificate signed by it is required. */
    static TestServer https(HeldCertificate serverCert, HeldCertificate clientCa) throws IOException {
        HandshakeCertificates.Builder certs = new HandshakeCertificates.Builder().heldCertificate(serverCert);
        if (clientCa != null) {
            certs.addTrustedCertificate(clientCa.certificate());
        }
        HandshakeCertificates handshake = certs.build();
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(handshake.sslContext()) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = getSSLContext().getDefaultSSLParameters();
                p.setNeedClientAuth(clientCa != null);
                params.setSSLParameters(p);
            }
        });
        return new TestServer(server, "https", OK);
    }

    HttpUrl url() {
        return HttpUrl.get(scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    int port() {
        return server.getAddress().getPort();
    }

    static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
