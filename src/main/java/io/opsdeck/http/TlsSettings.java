package io.opsdeck.http;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * TLS options of one source. All files are PEM. Without {@code caFile} the JDK's trusted roots are used; with it,
 * only the CAs in that bundle are trusted (as Prometheus does). {@code serverName} is the name the server's
 * certificate must carry when it differs from the URL's host. {@code insecureSkipVerify} trusts any certificate
 * and any name, and is logged as a warning once per source.
 *
 * @param caFile PEM bundle of trusted CA certificates
 * @param certFile client certificate (PEM; may carry intermediates after the leaf)
 * @param keyFile the client certificate's private key (PEM, PKCS#8)
 */
public record TlsSettings(
        Optional<Path> caFile,
        Optional<Path> certFile,
        Optional<Path> keyFile,
        boolean insecureSkipVerify,
        Optional<String> serverName) {

    /** Plain JDK defaults: system trust store, hostname checked against the URL. */
    public static final TlsSettings DEFAULT =
            new TlsSettings(Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty());

    public TlsSettings {
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(certFile, "certFile");
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(serverName, "serverName");
        if (certFile.isPresent() != keyFile.isPresent()) {
            throw new IllegalArgumentException("a client certificate needs both certFile and keyFile");
        }
    }

    /** True when a client certificate is configured. */
    public boolean hasClientCertificate() {
        return certFile.isPresent();
    }
}
