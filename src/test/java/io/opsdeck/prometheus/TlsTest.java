package io.opsdeck.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

/** A server whose certificate comes from a CA the client does not know. */
class TlsTest {

    @Test
    void certificateFromAnUnknownCaIsATlsErrorSayingSo() throws Exception {
        HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("Unknown Test CA").build();
        HeldCertificate cert = new HeldCertificate.Builder().signedBy(ca).addSubjectAlternativeName("127.0.0.1")
                .commonName("127.0.0.1").build();
        HandshakeCertificates serverCerts = new HandshakeCertificates.Builder()
                .heldCertificate(cert, ca.certificate()).build();
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverCerts.sslContext()));
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
        URI url = URI.create("https://127.0.0.1:" + server.getAddress().getPort());
        try (PrometheusClient client = PrometheusClient.builder(url).name("secure").build()) {
            PrometheusException e = catchThrowableOfType(PrometheusException.class, () -> client.query("up", null));
            assertThat(e.kind()).isEqualTo(PrometheusException.Kind.TLS);
            assertThat(e.httpStatus()).isZero();
            assertThat(e.getMessage()).startsWith("Prometheus 'secure' (" + url + "/api/v1/query): ")
                    .contains("not signed by a trusted CA; set tls.ca_file");
        } finally {
            server.stop(0);
        }
    }
}
