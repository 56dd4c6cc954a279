package io.opsdeck.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

/** http:// sources get a client without TLS set-up (start-up cost), yet still follow a redirect to https. */
class HttpClientsCleartextTest {

    private static final HeldCertificate CA =
            new HeldCertificate.Builder().certificateAuthority(0).commonName("OpsDeck Test CA").build();
    private static final HeldCertificate SERVER = new HeldCertificate.Builder().commonName("127.0.0.1")
            .addSubjectAlternativeName("127.0.0.1").signedBy(CA).build();

    private static OkHttpClient client(HttpUrl url) {
        return HttpClients.forSource(ConnectionSettings.builder("prom", url).build());
    }

    @Test
    void httpSourceClientIsCleartextOnlyAndHttpsSourceClientSpeaksTls() {
        assertThat(client(HttpUrl.get("http://127.0.0.1:9090")).connectionSpecs()).containsExactly(ConnectionSpec.CLEARTEXT);
        assertThat(client(HttpUrl.get("https://127.0.0.1:9090")).connectionSpecs()).contains(ConnectionSpec.MODERN_TLS);
    }

    @Test
    void httpSourceRedirectedToHttpsIsFollowedOverTls() throws IOException {
        try (TestServer secure = TestServer.https(SERVER, null);
             TestServer plain = TestServer.http(ex -> {
                 ex.getResponseHeaders().add("Location", secure.url().resolve("api/v1/status/buildinfo").toString());
                 TestServer.send(ex, 301, "moved");
             })) {
            OkHttpClient http = client(plain.url());
            IOException e = catchThrowableOfType(IOException.class,
                    () -> http.newCall(new Request.Builder().url(plain.url()).build()).execute().close());
            // The test CA is not in the JDK's trust store: failing the handshake shows the https hop was made with TLS.
            assertThat(e).as("the https hop should have failed its TLS handshake").isNotNull();
            assertThat(TransportErrors.describe("prom", plain.url(), e)).contains("not signed by a trusted CA");
            // Asked twice: by the cleartext client (answered with the redirect), then again by the TLS-capable one.
            assertThat(plain.received).hasSize(2);
        }
    }

    @Test
    void httpSourceStillFollowsRedirectsWithinHttp() throws IOException {
        try (TestServer target = TestServer.http(TestServer.OK);
             TestServer plain = TestServer.http(ex -> {
                 ex.getResponseHeaders().add("Location", target.url().resolve("ready").toString());
                 TestServer.send(ex, 302, "found");
             })) {
            try (Response r = client(plain.url()).newCall(new Request.Builder().url(plain.url()).build()).execute()) {
                assertThat(r.code()).isEqualTo(200);
                assertThat(r.body().string()).isEqualTo("ok");
            }
            assertThat(target.received).extracting(TestServer.Received::uri).extracting(Object::toString).containsExactly("/ready");
        }
    }
}
