package io.opsdeck.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's TLS against a real Prometheus (Go TLS stack) that requires a client certificate. */
class PrometheusTlsInteropTest {

    private static final Path BINARY = Path.of("/usr/bin/prometheus");
    private static final HeldCertificate CA = new HeldCertificate.Builder().certificateAuthority(0).build();
    private static final HeldCertificate SERVER = new HeldCertificate.Builder()
            .addSubjectAlternativeName("127.0.0.1").signedBy(CA).build();
    private static final HeldCertificate CLIENT = new HeldCertificate.Builder().commonName("opsdeck").signedBy(CA).build();

    @TempDir
    static Path dir;

    private static Process prometheus;
    private static HttpUrl url;
    private static TlsSettings withClientCert;

    @BeforeAll
    static void startPrometheusWithMutualTls() throws IOException {
        assertThat(BINARY).as("install the Debian package 'prometheus' (scripts/test does)").isExecutable();
        Files.writeString(dir.resolve("ca.pem"), CA.certificatePem());
        Files.writeString(dir.resolve("server.pem"), SERVER.certificatePem());
        Files.writeString(dir.resolve("server.key"), SERVER.privateKeyPkcs8Pem());
        Files.writeString(dir.resolve("client.pem"), CLIENT.certificatePem());
        Files.writeString(dir.resolve("client.key"), CLIENT.privateKeyPkcs8Pem());
        Files.writeString(dir.resolve("prometheus.yml"), "global: { scrape_interval: 1m }\n");
        Files.writeString(dir.resolve("web.yml"), """
                tls_server_config:
                  cert_file: server.pem
                  key_file: server.key
                  client_auth_type: RequireAndVerifyClientCert
                  client_ca_file: ca.pem
                """);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        url = HttpUrl.get("https://127.0.0.1:" + port + "/");
        prometheus = new ProcessBuilder(BINARY.toString(),
                "--config.file=" + dir.resolve("prometheus.yml"),
                "--web.config.file=" + dir.resolve("web.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile())
                .start();
        withClientCert = new TlsSettings(Optional.of(dir.resolve("ca.pem")), Optional.of(dir.resolve("client.pem")),
                Optional.of(dir.resolve("client.key")), false, Optional.empty());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> {
                    assertThat(prometheus.isAlive()).as("prometheus exited: %s",
                            Files.readString(dir.resolve("prometheus.log"))).isTrue();
                    return get(withClientCert, "-/ready").startsWith("200");
                });
    }

    @AfterAll
    static void stopPrometheus() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
    }

    private static String get(TlsSettings tls, String path) throws IOException {
        OkHttpClient client = HttpClients.forSource(ConnectionSettings.builder("prom", url).tls(tls).build());
        try (Response r = client.newCall(new Request.Builder().url(HttpClients.resolve(
                ConnectionSettings.builder("prom", url).build(), path)).build()).execute()) {
            return r.code() + " " + r.body().string();
        }
    }

    @Test
    void clientCertificateFromPemFilesIsAccepted() throws IOException {
        assertThat(get(withClientCert, "api/v1/status/buildinfo")).startsWith("200 ").contains("\"version\":\"2.");
    }

    @Test
    void missingClientCertificateIsExplained() {
        TlsSettings caOnly = new TlsSettings(withClientCert.caFile(), Optional.empty(), Optional.empty(), false,
                Optional.empty());
        IOException e = catchThrowableOfType(IOException.class, () -> get(caOnly, "api/v1/status/buildinfo"));
        assertThat(TransportErrors.describe("prom", url, e))
                .containsPattern("client certificate.*set tls.cert_file and tls.key_file$");
    }

    @Test
    void unknownCaIsExplained() {
        IOException e = catchThrowableOfType(IOException.class, () -> get(TlsSettings.DEFAULT, "-/ready"));
        assertThat(TransportErrors.describe("prom", url, e)).isEqualTo("prom (" + url
                + "): TLS: the server's certificate is not signed by a trusted CA; set tls.ca_file");
    }
}
