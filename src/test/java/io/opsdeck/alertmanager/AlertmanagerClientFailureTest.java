package io.opsdeck.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opsdeck.simulate.stack.FreePorts;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers a real Alertmanager never gives (and no answer at all): each must become one clear sentence naming the
 * source and URL. The local server stands in only for these hostile answers.
 */
class AlertmanagerClientFailureTest {

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void anHtmlPageInsteadOfJsonIsNamedAsSuch() {
        serve(200, "text/html", "<html><body>Login</body></html>");
        assertThatThrownBy(() -> client(Duration.ofSeconds(5)).alerts(AlertQuery.all()))
                .isInstanceOfSatisfying(AlertmanagerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AlertmanagerException.Kind.BAD_RESPONSE);
                    assertThat(e.getMessage()).isEqualTo("Alertmanager hostile at " + base()
                            + "/api/v2/alerts answered an HTML page instead of JSON (is this URL really an Alertmanager?).");
                });
    }

    @Test
    void anHtmlErrorPageFromAProxyGivesTheStatusWithoutDumpingTheMarkup() {
        serve(502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>");
        assertThatThrownBy(() -> client(Duration.ofSeconds(5)).silences())
                .isInstanceOfSatisfying(AlertmanagerException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(502);
                    assertThat(e.isRequestRejected()).isFalse();
                    assertThat(e.getMessage()).endsWith("/api/v2/silences answered HTTP 502: an HTML error page.")
                            .doesNotContain("<");
                });
    }

    @Test
    void malformedJsonNamesWhereItBroke() {
        serve(200, "application/json", "[{\"fingerprint\": \"abc\", \"labels\": {");
        assertThatThrownBy(() -> client(Duration.ofSeconds(5)).alerts(AlertQuery.all()))
                .isInstanceOfSatisfying(AlertmanagerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AlertmanagerException.Kind.BAD_RESPONSE);
                    assertThat(e.getMessage()).contains("answered malformed JSON (").contains("line 1, column");
                });
    }

    @Test
    void jsonOfTheWrongShapeIsABadResponse() {
        serve(200, "application/json", "{\"alerts\": 3}");
        assertThatThrownBy(() -> client(Duration.ofSeconds(5)).alerts(AlertQuery.all()))
                .isInstanceOfSatisfying(AlertmanagerException.class,
                        e -> assertThat(e.kind()).isEqualTo(AlertmanagerException.Kind.BAD_RESPONSE));
        serve(200, "application/json", "[{\"id\": \"x\", \"matchers\": []}]");
        assertThatThrownBy(() -> client(Duration.ofSeconds(5)).silences())
                .isInstanceOfSatisfying(AlertmanagerException.class,
                        e -> assertThat(e.getMessage()).endsWith("answered JSON that is not an API v2 answer (a required field is missing)."));
        serve(200, "application/json", "[{\"fingerprint\": \"f\", \"status\": {\"state\": \"exploded\"}}]");
        assertThatThrownBy(() -> client(Duration.ofSeconds(5)).alerts(AlertQuery.all()))
                .isInstanceOfSatisfying(AlertmanagerException.class,
                        e -> assertThat(e.getMessage()).endsWith("(unknown alert state 'exploded')."));
    }

    @Test
    void aTruncatedBodyIsABrokenConnection() {
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 1000);
            exchange.getResponseBody().write("[{\"fingerprint\":".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            exchange.close();
        });
        assertThatThrownBy(() -> client(Duration.ofSeconds(5)).alerts(AlertQuery.all()))
                .isInstanceOfSatisfying(AlertmanagerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AlertmanagerException.Kind.UNREACHABLE);
                    assertThat(e.getMessage()).contains("broke off the connection");
                });
    }

    @Test
    void aHangingServerIsATimeoutNamingTheLimit() {
        server.createContext("/", exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        assertThatThrownBy(() -> client(Duration.ofMillis(300)).status())
                .isInstanceOfSatisfying(AlertmanagerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AlertmanagerException.Kind.TIMEOUT);
                    assertThat(e.getMessage()).isEqualTo("Alertmanager hostile at " + base()
                            + "/api/v2/status did not answer within 300 ms.");
                });
    }

    @Test
    void theClientsTimeoutGovernsASlowAnswerEvenOnASharedClientWithAShorterReadTimeout() {
        server.createContext("/", exchange -> {
            try {
                Thread.sleep(800);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, "application/json", "[{\"name\": \"null\"}]");
        });
        okhttp3.OkHttpClient shared = new okhttp3.OkHttpClient.Builder().readTimeout(Duration.ofMillis(200)).build();
        AlertmanagerClient patient = AlertmanagerClient.builder(base()).name("hostile").httpClient(shared)
                .timeout(Duration.ofSeconds(5)).build();
        assertThat(patient.receivers()).containsExactly("null");
    }

    @Test
    void anAnswerLargerThanTheLimitIsRefused() {
        serve(200, "application/json", "[" + "{}," .repeat(5000) + "{}]");
        AlertmanagerClient small = AlertmanagerClient.builder(base()).name("hostile").maxResponseBytes(1024).build();
        assertThatThrownBy(() -> small.receivers())
                .isInstanceOfSatisfying(AlertmanagerException.class,
                        e -> assertThat(e.getMessage()).contains("answered more than 1024 bytes"));
    }

    @Test
    void anUnreachableAlertmanagerIsNamedWithoutCredentials() {
        int closedPort = FreePorts.next();
        URI withSecret = URI.create("http://admin:s3cret@127.0.0.1:" + closedPort);
        try (AlertmanagerClient am = AlertmanagerClient.builder(withSecret).name("am-down").build()) {
            assertThatThrownBy(am::receivers)
                    .isInstanceOfSatisfying(AlertmanagerException.class, e -> {
                        assertThat(e.kind()).isEqualTo(AlertmanagerException.Kind.UNREACHABLE);
                        assertThat(e.getMessage()).startsWith("Alertmanager am-down at http://127.0.0.1:" + closedPort
                                + "/api/v2/receivers is unreachable (").doesNotContain("s3cret").doesNotContain("admin");
                        assertThat(e.url()).doesNotContain("s3cret");
                    });
            assertThat(am.toString()).doesNotContain("s3cret");
        }
    }

    @Test
    void aPlainTextErrorIsPassedOnAsTheDetail() {
        serve(503, "text/plain", "Alertmanager is not ready yet\n");
        assertThatThrownBy(() -> client(Duration.ofSeconds(5)).status())
                .isInstanceOfSatisfying(AlertmanagerException.class, e -> {
                    assertThat(e.detail()).isEqualTo("Alertmanager is not ready yet");
                    assertThat(e.getMessage()).endsWith("answered HTTP 503: Alertmanager is not ready yet.");
                });
    }

    private void serve(int status, String contentType, String body) {
        try {
            server.removeContext("/");
        } catch (IllegalArgumentException none) {
            // first context
        }
        server.createContext("/", exchange -> respond(exchange, status, contentType, body));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private AlertmanagerClient client(Duration timeout) {
        return AlertmanagerClient.builder(base()).name("hostile").timeout(timeout).build();
    }
}
