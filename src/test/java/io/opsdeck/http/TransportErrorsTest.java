package io.opsdeck.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.opsdeck.util.Secret;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class TransportErrorsTest {

    private static IOException failingCall(ConnectionSettings settings, HttpUrl url) {
        IOException e = catchThrowableOfType(IOException.class, () -> {
            try (Response r = HttpClients.forSource(settings).newCall(new Request.Builder().url(url).build()).execute()) {
                r.body().string();
            }
        });
        assertThat(e).as("the call should have failed").isNotNull();
        return e;
    }

    @Test
    void connectionRefusedNamesHostAndPort() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        HttpUrl url = HttpUrl.get("http://127.0.0.1:" + port + "/api/v1/query?query=up");
        IOException e = failingCall(ConnectionSettings.builder("main", url).build(), url);
        assertThat(TransportErrors.describe("main", url, e)).isEqualTo("main (http://127.0.0.1:" + port
                + "/api/v1/query?…): connection refused by 127.0.0.1:" + port
                + "; is the server running and listening there?");
        assertThat(TransportErrors.classify(e)).isEqualTo(TransportErrors.Kind.UNREACHABLE);
    }

    @Test
    void hungServerIsATimeout() throws IOException {
        CountDownLatch release = new CountDownLatch(1);
        try (TestServer server = TestServer.http(ex -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        })) {
            ConnectionSettings settings = ConnectionSettings.builder("slow", server.url())
                    .timeout(Duration.ofMillis(300)).build();
            IOException e = failingCall(settings, server.url());
            assertThat(TransportErrors.describe("slow", server.url(), e)).endsWith(
                    "no answer within the timeout; the server is slow or hung (raise timeout, or narrow the query)");
            assertThat(TransportErrors.classify(e)).isEqualTo(TransportErrors.Kind.TIMEOUT);
        } finally {
            release.countDown();
        }
    }

    @Test
    void unknownHostNamesTheHost() {
        HttpUrl url = HttpUrl.get("http://prom.invalid:9090/");
        assertThat(TransportErrors.describe("main", url, new UnknownHostException("prom.invalid")))
                .isEqualTo("main (http://prom.invalid:9090/): unknown host \"prom.invalid\"; check the url and DNS");
    }

    @Test
    void credentialsAndQueryNeverAppear() throws IOException {
        HttpUrl url = HttpUrl.get("http://bob:hunter2@127.0.0.1:1/api?token=qsecret&x=1");
        String text = TransportErrors.describe("main", url,
                new IOException("failed for /api?token=qsecret&x=1 as bob:hunter2"));
        assertThat(text).doesNotContain("hunter2", "qsecret").startsWith("main (http://127.0.0.1:1/api?…): ");

        // a real failure with credentials configured: nothing secret in the exception or the description
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        {
            HttpUrl target = HttpUrl.get("http://127.0.0.1:" + port + "/api/v1/query?query=up");
            ConnectionSettings settings = ConnectionSettings.builder("main", target)
                    .basicAuth("bob", Secret.of("hunter2")).header("X-Api-Key", "hsecret").build();
            IOException e = failingCall(settings, target);
            assertThat(String.valueOf(e.getMessage()) + TransportErrors.describe("main", target, e) + settings)
                    .doesNotContain("hunter2", "hsecret");
        }
    }
}
