package io.opsdeck.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.opsdeck.util.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mail over SMTPS (GreenMail serving a certificate made here) and STARTTLS ({@link StartTlsFront} before GreenMail),
 * with authentication, and the certificate and host name really checked.
 */
class EmailTlsTest {

    private static final String PASSWORD = "tls-pw-4711";
    private static final HeldCertificate CA = new HeldCertificate.Builder().certificateAuthority(0).commonName("OpsDeck Mail CA").build();
    private static final HeldCertificate OTHER_CA = new HeldCertificate.Builder().certificateAuthority(0).commonName("Other CA").build();
    private static final HeldCertificate SERVER = new HeldCertificate.Builder().commonName("127.0.0.1")
            .addSubjectAlternativeName("127.0.0.1").addSubjectAlternativeName("localhost").signedBy(CA).build();
    private static final HeldCertificate WRONG_NAME = new HeldCertificate.Builder().commonName("mail.internal")
            .addSubjectAlternativeName("mail.internal").signedBy(CA).build();
    private static final Path FILES = tempDir();
    private static final Path CA_PEM = write("ca.pem", CA.certificatePem());
    private static final Path OTHER_CA_PEM = write("other-ca.pem", OTHER_CA.certificatePem());

    static {
        // GreenMail's SMTPS reads its key store from these properties once per JVM; this class is its only user.
        System.setProperty("greenmail.tls.keystore.file", keyStore(SERVER).toString());
        System.setProperty("greenmail.tls.keystore.password", "changeit");
    }

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup[] {
            ServerSetupTest.SMTPS.dynamicPort(), ServerSetupTest.SMTP.dynamicPort()})
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("opsdeck", PASSWORD));

    @TempDir
    Path dir;

    private final Templates templates = Templates.load(null, new Redactor(List.of(), List.of()));
    private final Alert alert = Alerts.alert("firing", Map.of("alertname", "DiskFull", "severity", "critical"), Map.of());

    private Delivery delivery() {
        return new Delivery("tls-key-1", "alice@example.com", "alert", alert, alert.severity(), templates.render("email", Message.of(alert)));
    }

    private static EmailChannel channel(int port, String security, ChannelSettings.EmailTls tls) {
        return new EmailChannel("mail", new ChannelSettings.EmailSettings("127.0.0.1", port, security, "opsdeck",
                Secret.of(PASSWORD), "opsdeck@example.com", tls), Duration.ofSeconds(5));
    }

    private static int smtps() {
        return MAIL.getSmtps().getPort();
    }

    @Test
    void smtpsWithAuthDeliversWhenTheCaFileTrustsTheServer() throws Exception {
        channel(smtps(), "smtps", new ChannelSettings.EmailTls(CA_PEM, null)).send(delivery());
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        assertThat(MAIL.getReceivedMessages()[0].getMessageID()).isEqualTo("<tls-key-1@opsdeck>");
    }

    @Test
    void smtpsWithTheSystemRootsRejectsThePrivateCaWithAClearReason() {
        assertThatThrownBy(() -> channel(smtps(), "smtps", null).send(delivery()))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.getMessage()).contains("channel mail", "127.0.0.1:" + smtps(), "not signed by a trusted CA", "tls.ca_file");
                    assertThat(e.permanent()).isFalse();
                });
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void smtpsRejectsAServerSignedByAnotherCa() {
        assertThatThrownBy(() -> channel(smtps(), "smtps", new ChannelSettings.EmailTls(OTHER_CA_PEM, false)).send(delivery()))
                .isInstanceOf(DeliveryException.class).hasMessageContaining("not signed by a trusted CA");
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void insecureSkipVerifyIsTheOnlyWayToAcceptAnUntrustedServer() throws Exception {
        channel(smtps(), "smtps", new ChannelSettings.EmailTls(OTHER_CA_PEM, true)).send(delivery());
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void starttlsUpgradesWithARealHandshakeThenAuthenticatesAndDelivers() throws Exception {
        try (StartTlsFront front = new StartTlsFront(serverContext(SERVER), MAIL.getSmtp().getPort())) {
            channel(front.port(), "starttls", new ChannelSettings.EmailTls(CA_PEM, null)).send(delivery());
            assertThat(front.negotiated()).hasSize(1).allMatch(p -> p.startsWith("TLSv1."));
        }
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        assertThat(MAIL.getReceivedMessages()[0].getSubject()).contains("DiskFull");
    }

    @Test
    void starttlsChecksTheServerNameAgainstItsCertificate() throws Exception {
        try (StartTlsFront front = new StartTlsFront(serverContext(WRONG_NAME), MAIL.getSmtp().getPort())) {
            assertThatThrownBy(() -> channel(front.port(), "starttls", new ChannelSettings.EmailTls(CA_PEM, null)).send(delivery()))
                    .isInstanceOf(DeliveryException.class).hasMessageContaining("not valid for host");
        }
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void starttlsNeverFallsBackToPlainTextWhenTheServerDoesNotOfferIt() {
        // GreenMail's plain SMTP port offers no STARTTLS: the password must not go out in clear text
        assertThatThrownBy(() -> channel(MAIL.getSmtp().getPort(), "starttls", new ChannelSettings.EmailTls(CA_PEM, null)).send(delivery()))
                .isInstanceOf(DeliveryException.class).hasMessageContaining("does not offer STARTTLS").hasMessageNotContaining(PASSWORD);
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void unreadableCaFileIsRejectedWhenTheChannelIsBuilt() {
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> channel(smtps(), "smtps", new ChannelSettings.EmailTls(missing, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tls.ca_file").hasMessageContaining(missing.toString());
    }

    @Test
    void tlsSettingsOnAPlainChannelAreAConfigurationError() {
        assertThatThrownBy(() -> channel(25, "none", new ChannelSettings.EmailTls(CA_PEM, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'tls' needs security starttls or smtps");
    }

    private static javax.net.ssl.SSLContext serverContext(HeldCertificate certificate) {
        return new HandshakeCertificates.Builder().heldCertificate(certificate, CA.certificate()).build().sslContext();
    }

    private static Path keyStore(HeldCertificate certificate) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", certificate.keyPair().getPrivate(), "changeit".toCharArray(),
                    new Certificate[] {certificate.certificate(), CA.certificate()});
            Path file = FILES.resolve("greenmail.p12");
            file.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(file)) {
                ks.store(out, "changeit".toCharArray());
            }
            return file;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path tempDir() {
        try {
            Path d = Files.createTempDirectory("opsdeck-mail-tls");
            d.toFile().deleteOnExit();
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(String name, String text) {
        try {
            Path f = Files.writeString(FILES.resolve(name), text);
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
