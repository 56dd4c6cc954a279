package io.opsdeck.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/** Builds the socket factory and trust manager for one source's {@link TlsSettings}. */
final class TlsContexts {

    /** What OkHttp needs for TLS. */
    record Tls(SSLContext context, X509TrustManager trustManager) {
    }

    private TlsContexts() {
    }

    /** Reads the PEM files; a bad file gives an IllegalArgumentException naming the key and file. */
    static Tls build(TlsSettings settings) {
        HandshakeCertificates.Builder builder = new HandshakeCertificates.Builder();
        if (settings.caFile().isPresent()) {
            for (X509Certificate ca : readCertificates("tls.ca_file", settings.caFile().get())) {
                builder.addTrustedCertificate(ca);
            }
        } else {
            builder.addPlatformTrustedCertificates();
        }
        if (settings.hasClientCertificate()) {
            addClientCertificate(settings, builder);
        }
        HandshakeCertificates certificates = builder.build();
        X509TrustManager trust = settings.insecureSkipVerify() ? new TrustAll() : certificates.trustManager();
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {certificates.keyManager()}, new TrustManager[] {trust}, null);
            return new Tls(context, trust);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this Java runtime: " + e.getMessage(), e);
        }
    }

    private static void addClientCertificate(TlsSettings settings, HandshakeCertificates.Builder builder) {
        List<X509Certificate> chain = readCertificates("tls.cert_file", settings.certFile().orElseThrow());
        String keyPem = read("tls.key_file", settings.keyFile().orElseThrow());
        HeldCertificate held;
        try {
            held = HeldCertificate.decode(pem(chain.get(0)) + keyPem);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tls.key_file " + settings.keyFile().get()
                    + ": not a PKCS#8 PEM private key matching tls.cert_file (convert with "
                    + "'openssl pkcs8 -topk8 -nocrypt')", e);
        }
        builder.heldCertificate(held, chain.subList(1, chain.size()).toArray(X509Certificate[]::new));
    }

    private static List<X509Certificate> readCertificates(String key, Path file) {
        String text = read(key, file);
        try {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
            List<X509Certificate> result = new ArrayList<>();
            for (Certificate c : certs) {
                result.add((X509Certificate) c);
            }
            if (result.isEmpty()) {
                throw new IllegalArgumentException(key + " " + file + ": holds no PEM certificate");
            }
            return result;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(key + " " + file + ": not a PEM certificate file", e);
        }
    }

    private static String read(String key, Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException(key + " " + file + ": cannot be read ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static String pem(X509Certificate cert) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(cert.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }

    /** Accepts any server certificate; used only for an explicit insecure_skip_verify. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
