package io.opsdeck.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real TLS handshakes against a loopback HTTPS server with certificates made for the test. */
class HttpClientsTlsTest {

    private static final HeldCertificate CA =
            new HeldCertificate.Builder().certificateAuthority(0).commonName("OpsDeck Test CA").build();
    private static final HeldCertificate OTHER_CA =
            new HeldCertificate.Builder().certificateAuthority(0).commonName("Somebody Else's CA").build();
    private static final HeldCertificate SERVER = new HeldCertificate.Builder().commonName("127.0.0.1")
            .addSubjectAlternativeName("127.0.0.1").addSubjectAlternativeName("localhost").signedBy(CA).build();
    private static final HeldCertificate WRONG_NAME = new HeldCertificate.Builder().commonName("prom.internal")
            .addSubjectAlternativeName("prom.internal").signedBy(CA).build();
    private static final HeldCertificate CLIENT =
            new HeldCertificate.Builder().commonName("opsdeck").signedBy(CA).build();

    @TempDir
    static Path dir;

    private static Path caPem;
    private static Path otherCaPem;
    private static Path clientPem;
    private static Path clientKey;

    @BeforeAll
    static void writePemFiles() throws IOException {
        caPem = Files.writeString(dir.resolve("ca.pem"), CA.certificatePem());
        otherCaPem = Files.writeString(dir.resolve("other-ca.pem"), OTHER_CA.certificatePem());
        clientPem = Files.writeString(dir.resolve("client.pem"), CLIENT.certificatePem() + CA.certificatePem());
        clientKey = Files.writeString(dir.resolve("client.key"), CLIENT.privateKeyPkcs8Pem());
    }

    private static TlsSettings tls(Path ca, Path cert, Path key, boolean insecure, String serverName) {
        return new TlsSettings(Optional.ofNullable(ca), Optional.ofNullable(cert), Optional.ofNullable(key),
                insecure, Optional.ofNullable(serverName));
    }

    private static String get(TestServer server, TlsSettings tls) throws IOException {
        ConnectionSettings settings = ConnectionSettings.builder("secure-prom", server.url()).tls(tls).build();
        OkHttpClient client = HttpClients.forSource(settings);
        try (Response r = client.newCall(new Request.Builder().url(server.url()).build()).execute()) {
            return r.code() + " " + r.body().string();
        }
    }

    private static String failure(TestServer server, TlsSettings tls) {
        IOException e = catchThrowableOfType(IOException.class, () -> get(server, tls));
        assertThat(e).as("the request should have failed").isNotNull();
        return TransportErrors.describe("secure-prom", server.url(), e);
    }

    @Test
    void serverSignedByTheConfiguredCaIsTrusted() throws IOException {
        try (TestServer server = TestServer.https(SERVER, null)) {
            assertThat(get(server, tls(caPem, null, null, false, null))).isEqualTo("200 ok");
        }
    }

    @Test
    void serverSignedByAnUnknownCaGivesTheCaHint() throws IOException {
        try (TestServer server = TestServer.https(SERVER, null)) {
            assertThat(failure(server, tls(otherCaPem, null, null, false, null))).isEqualTo(
                    "secure-prom (" + server.url() + "): TLS: the server's certificate is not signed by a trusted CA; "
                            + "set tls.ca_file");
            assertThat(failure(server, TlsSettings.DEFAULT)).contains("not signed by a trusted CA");
        }
    }

    @Test
    void insecureSkipVerifyAcceptsAnyCertificate() throws IOException {
        try (TestServer server = TestServer.https(WRONG_NAME, null)) {
            assertThat(get(server, tls(null, null, null, true, null))).isEqualTo("200 ok");
        }
    }

    @Test
    void certificateForAnotherHostIsRejectedUnlessServerNameSaysSo() throws IOException {
        try (TestServer server = TestServer.https(WRONG_NAME, null)) {
            assertThat(failure(server, tls(caPem, null, null, false, null)))
                    .endsWith("TLS: the server's certificate is not valid for host \"127.0.0.1\"; "
                            + "fix the url or set tls.server_name");
            assertThat(get(server, tls(caPem, null, null, false, "prom.internal"))).isEqualTo("200 ok");
        }
    }

    @Test
    void requiredClientCertificateIsPresentedFromPemFiles() throws IOException {
        try (TestServer server = TestServer.https(SERVER, CA)) {
            assertThat(get(server, tls(caPem, clientPem, clientKey, false, null))).isEqualTo("200 ok");
            // TLS 1.3 makes the exact failure racy (an alert, or just a closed connection); both name the fix.
            assertThat(failure(server, tls(caPem, null, null, false, null)))
                    .startsWith("secure-prom (" + server.url() + "): ")
                    .containsPattern("client certificate.*set tls.cert_file and tls.key_file$");
        }
    }

    @Test
    void unreadableTlsFileIsNamedWhenTheClientIsBuilt() throws IOException {
        Path notPem = Files.writeString(dir.resolve("not.pem"), "hello");
        ConnectionSettings settings = ConnectionSettings.builder("p", okhttp3.HttpUrl.get("https://127.0.0.1:1/"))
                .tls(tls(notPem, null, null, false, null)).build();
        IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
                () -> HttpClients.forSource(settings));
        assertThat(e).hasMessageStartingWith("p: tls.ca_file " + notPem + ":");
    }
}
