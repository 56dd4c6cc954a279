package io.opsdeck.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Answers no real Prometheus gives, from a local hostile server: each must be one clear error. */
class HostileResponsesTest {

    private static PrometheusClient client(HostileServer server) {
        return PrometheusClient.builder(server.url()).name("edge").timeout(Duration.ofSeconds(2)).build();
    }

    private static PrometheusException queryFails(HostileServer server) {
        try (PrometheusClient client = client(server)) {
            return catchThrowableOfType(PrometheusException.class, () -> client.query("up", null));
        }
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        try (HostileServer server = new HostileServer()
                .answer("/", 200, "application/json", "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[}}")) {
            PrometheusException e = queryFails(server);
            assertThat(e.kind()).isEqualTo(PrometheusException.Kind.MALFORMED);
            assertThat(e.getMessage()).startsWith("Prometheus 'edge' (" + server.url() + "/api/v1/query): ")
                    .contains("not valid JSON (line 1, column");
        }
    }

    @Test
    void truncatedJsonSaysWhereItEnded() {
        String body = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{}";
        try (HostileServer server = new HostileServer().answer("/", 200, "application/json", body)) {
            PrometheusException e = queryFails(server);
            assertThat(e.kind()).isEqualTo(PrometheusException.Kind.MALFORMED);
            assertThat(e.getMessage()).contains("ended early after " + body.length() + " bytes");
        }
    }

    @Test
    void connectionDroppedMidBodyIsATruncatedResponse() {
        String body = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[[1,\"1\"],";
        try (HostileServer server = new HostileServer().cutOff("/", body, 10_000)) {
            PrometheusException e = queryFails(server);
            assertThat(e.kind()).isEqualTo(PrometheusException.Kind.MALFORMED);
            assertThat(e.getMessage()).contains("ended early");
        }
    }

    @Test
    void jsonThatIsNotAnApiAnswerIsMalformed() {
        try (HostileServer server = new HostileServer().answer("/", 200, "application/json", "{\"hello\":\"world\"}")) {
            PrometheusException e = queryFails(server);
            assertThat(e.kind()).isEqualTo(PrometheusException.Kind.MALFORMED);
            assertThat(e.getMessage()).contains("not a Prometheus API answer: the body has no \"status\" field");
        }
    }

    @Test
    void htmlErrorPageFromAProxyIsNamedWithItsTitle() {
        String page = "<html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>";
        try (HostileServer server = new HostileServer().answer("/", 502, "text/html; charset=utf-8", page)) {
            PrometheusException e = queryFails(server);
            assertThat(e.kind()).isEqualTo(PrometheusException.Kind.HTTP);
            assertThat(e.httpStatus()).isEqualTo(502);
            assertThat(e.getMessage()).contains("answered HTTP 502 with an HTML page titled \"502 Bad Gateway\"")
                    .contains("proxy");
        }
    }

    @Test
    void serviceUnavailableFromAProxyIsAnHttpError() {
        try (HostileServer server = new HostileServer().answer("/", 503, "text/plain", "upstream connect error or disconnect/reset before headers")) {
            PrometheusException e = queryFails(server);
            assertThat(e.kind()).isEqualTo(PrometheusException.Kind.HTTP);
            assertThat(e.httpStatus()).isEqualTo(503);
            assertThat(e.getMessage()).contains("HTTP 503 with content type text/plain").contains("upstream connect error");
        }
    }

    @Test
    void internalErrorBodyIsSurfacedWithItsType() {
        // A Prometheus error body on 500 (errorType "internal") happens only on server faults we cannot provoke.
        try (HostileServer server = new HostileServer().answer("/", 500, "application/json",
                "{\"status\":\"error\",\"errorType\":\"internal\",\"error\":\"expanding series: disk full\"}")) {
            PrometheusException e = queryFails(server);
            assertThat(e.kind()).isEqualTo(PrometheusException.Kind.API);
            assertThat(e.httpStatus()).isEqualTo(500);
            assertThat(e.errorType()).isEqualTo("internal");
            assertThat(e.getMessage()).contains("HTTP 500, internal): expanding series: disk full");
        }
    }

    @Test
    void wrongContentTypeOnSuccessIsRefused() {
        try (HostileServer server = new HostileServer().answer("/", 200, "text/plain", "up 1\n")) {
            PrometheusException e = queryFails(server);
            assertThat(e.kind()).isEqualTo(PrometheusException.Kind.CONTENT_TYPE);
            assertThat(e.getMessage()).contains("content type text/plain instead of application/json: \"up 1\"");
        }
    }

    @Test
    void getRefusedWith405IsRetriedAsAPostForm() {
        // Some gateways only let POST through; Prometheus itself accepts both.
        java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (HostileServer server = new HostileServer().handle("/", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type"));
            boolean post = exchange.getRequestMethod().equals("POST");
            byte[] body = (post ? "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1,\"5\"]}}"
                    : "").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(post ? 200 : 405, post ? body.length : -1);
            exchange.getResponseBody().write(body);
        }); PrometheusClient client = client(server)) {
            assertThat(client.query("up", null).scalar()).isEqualTo(5);
            assertThat(client.queryAsync("up", null).join().scalar()).isEqualTo(5);
        }
        assertThat(seen).containsExactly("GET null", "POST application/x-www-form-urlencoded",
                "GET null", "POST application/x-www-form-urlencoded");
    }

    @Test
    void serverThatNeverAnswersTimesOut() {
        try (HostileServer server = new HostileServer().hang("/");
             PrometheusClient client = PrometheusClient.builder(server.url()).name("slow")
                     .timeout(Duration.ofMillis(500)).build()) {
            PrometheusException e = catchThrowableOfType(PrometheusException.class, () -> client.query("up", null));
            assertThat(e.kind()).isEqualTo(PrometheusException.Kind.TIMEOUT);
            assertThat(e.getMessage()).contains("'slow'").contains("no answer within the timeout");
        }
    }

    @Test
    void cancellingAnAsyncQueryCancelsTheHttpCall() throws Exception {
        CountDownLatch canceled = new CountDownLatch(1);
        CountDownLatch requestSent = new CountDownLatch(1);
        AtomicReference<Call> seen = new AtomicReference<>();
        OkHttpClient http = new OkHttpClient.Builder().eventListener(new EventListener() {
            @Override
            public void requestHeadersEnd(Call call, okhttp3.Request request) {
                seen.set(call);
                requestSent.countDown();
            }

            @Override
            public void canceled(Call call) {
                canceled.countDown();
            }
        }).build();
        try (HostileServer server = new HostileServer().hang("/");
             PrometheusClient client = PrometheusClient.builder(server.url()).httpClient(http)
                     .timeout(Duration.ofMinutes(5)).build()) {
            Instant start = Instant.ofEpochSecond(0);
            CompletableFuture<QueryResult> future = client.queryRangeAsync("up", start, start.plusSeconds(60), Duration.ofSeconds(15));
            assertThat(requestSent.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(future.cancel(true)).isTrue();
            assertThat(canceled.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(seen.get().isCanceled()).isTrue();
            assertThat(future).isCancelled();
            assertThat(catchThrowableOfType(CancellationException.class, future::join)).isNotNull();
            // The dispatcher lets go of the call instead of waiting out the 5 minute timeout.
            await().atMost(Duration.ofSeconds(10)).until(() -> http.dispatcher().runningCallsCount() == 0);
        }
    }
}
