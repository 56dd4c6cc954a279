package io.opsdeck.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.opsdeck.util.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** What a client built from settings puts on the wire: credentials, headers, proxy, and the response cap. */
class HttpClientsRequestTest {

    private static String get(ConnectionSettings settings, HttpUrl url) throws IOException {
        OkHttpClient client = HttpClients.forSource(settings);
        try (Response r = client.newCall(new Request.Builder().url(url).build()).execute()) {
            return r.body().string();
        }
    }

    @Test
    void basicAuthAndExtraHeadersArriveOnEveryRequest() throws IOException {
        try (TestServer server = TestServer.http(TestServer.OK)) {
            ConnectionSettings settings = ConnectionSettings.builder("main", server.url())
                    .basicAuth("bob", Secret.of("pa:ss"))
                    .header("X-Scope-OrgID", "tenant-a")
                    .build();
            get(settings, server.url().resolve("/api/v1/query?query=up"));
            get(settings, server.url().resolve("/api/v1/labels"));

            assertThat(server.received).hasSize(2).allSatisfy(r -> {
                assertThat(r.header("Authorization")).isEqualTo(
                        "Basic " + Base64.getEncoder().encodeToString("bob:pa:ss".getBytes(StandardCharsets.UTF_8)));
                assertThat(r.header("X-scope-orgid")).isEqualTo("tenant-a");
            });
        }
    }

    @Test
    void bearerTokenArrives() throws IOException {
        try (TestServer server = TestServer.http(TestServer.OK)) {
            ConnectionSettings settings = ConnectionSettings.builder("am", server.url())
                    .bearerToken(Secret.of("tok-123")).build();
            assertThat(get(settings, server.url())).isEqualTo("ok");
            assertThat(server.received.get(0).header("Authorization")).isEqualTo("Bearer tok-123");
        }
    }

    @Test
    void requestsGoThroughTheConfiguredProxy() throws IOException {
        try (TestServer proxy = TestServer.http(TestServer.OK)) {
            // Nothing listens on port 1: only the proxy can have answered.
            HttpUrl target = HttpUrl.get("http://127.0.0.1:1/api/v1/status/buildinfo");
            ConnectionSettings settings = ConnectionSettings.builder("main", target).proxy(proxy.url()).build();
            assertThat(get(settings, target)).isEqualTo("ok");
            assertThat(proxy.received).singleElement()
                    .satisfies(r -> assertThat(r.uri().toString()).isEqualTo(target.toString()));
        }
    }

    @Test
    void responseOverTheLimitFailsWhetherDeclaredOrStreamed() throws IOException {
        String big = "x".repeat(5000);
        TestServer.Responder chunked = ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(big.getBytes(StandardCharsets.US_ASCII));
            }
        };
        try (TestServer declared = TestServer.http(ex -> TestServer.send(ex, 200, big));
                TestServer streamed = TestServer.http(chunked)) {
            for (TestServer server : new TestServer[] {declared, streamed}) {
                ConnectionSettings settings = ConnectionSettings.builder("main", server.url())
                        .maxResponseBytes(1000).build();
                IOException e = catchThrowableOfType(IOException.class, () -> get(settings, server.url()));
                assertThat(e).isInstanceOf(ResponseTooLargeException.class);
                assertThat(TransportErrors.describe("main", server.url(), e))
                        .endsWith("response is larger than 1000 bytes (max_response_bytes)");

                ConnectionSettings roomy = ConnectionSettings.builder("main", server.url()).build();
                assertThat(get(roomy, server.url())).hasSize(5000);
            }
        }
    }
}
