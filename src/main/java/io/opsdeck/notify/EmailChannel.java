package io.opsdeck.notify;

import io.opsdeck.http.HttpClients;
import io.opsdeck.http.TlsSettings;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * Email over SMTP (plain, STARTTLS required, or SMTPS) with optional auth: multipart/alternative with plain
 * text and HTML. With TLS the server's certificate and name are checked (see {@link ChannelSettings.EmailTls}). The {@code Message-ID} is derived from the idempotency key, so a repeat is recognisably the same mail.
 */
public final class EmailChannel implements Channel {

    private final String name;
    private final ChannelSettings.EmailSettings settings;
    private final Session session;
    private final String protocol;

    public EmailChannel(String name, ChannelSettings.EmailSettings settings, java.time.Duration timeout) {
        this.name = name;
        this.settings = settings;
        boolean smtps = "smtps".equals(settings.security());
        this.protocol = smtps ? "smtps" : "smtp";
        Properties p = new Properties();
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", settings.host());
        p.put("mail." + protocol + ".port", String.valueOf(settings.port()));
        p.put("mail." + protocol + ".connectiontimeout", String.valueOf(timeout.toMillis()));
        p.put("mail." + protocol + ".timeout", String.valueOf(timeout.toMillis()));
        p.put("mail." + protocol + ".writetimeout", String.valueOf(timeout.toMillis()));
        p.put("mail." + protocol + ".from", settings.from());
        if ("starttls".equals(settings.security())) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (!"none".equals(settings.security())) {
            configureTls(p, protocol, settings.tls());
        }
        Authenticator auth = null;
        if (settings.username() != null) {
            p.put("mail." + protocol + ".auth", "true");
            String password = settings.password() == null ? "" : settings.password().reveal();
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(settings.username(), password);
                }
            };
        }
        this.session = Session.getInstance(p, auth);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "email";
    }

    @Override
    public void send(Delivery d) throws DeliveryException {
        try {
            MimeMessage message = new KeyedMessage(session, "<" + d.idempotencyKey() + "@opsdeck>");
            message.setFrom(new InternetAddress(settings.from()));
            message.setRecipients(jakarta.mail.Message.RecipientType.TO, InternetAddress.parse(d.address(), true));
            message.setSubject(d.rendered().subject(), "UTF-8");
            message.setHeader("X-OpsDeck-Idempotency-Key", d.idempotencyKey());
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(d.rendered().text(), "UTF-8", "plain");
            alternative.addBodyPart(text);
            if (d.rendered().html() != null) {
                MimeBodyPart html = new MimeBodyPart();
                html.setText(d.rendered().html(), "UTF-8", "html");
                alternative.addBodyPart(html);
            }
            message.setContent(alternative);
            message.saveChanges();
            // Transport.send would pick the transport by address type (always plain smtp) and ignore smtps
            try (Transport transport = session.getTransport(protocol)) {
                transport.connect();
                transport.sendMessage(message, message.getAllRecipients());
            }
        } catch (AddressException e) {
            throw new DeliveryException("channel " + name + ": bad address '" + d.address() + "': " + e.getMessage(), true);
        } catch (SendFailedException e) {
            throw new DeliveryException("channel " + name + ": server refused the message: " + e.getMessage(), false);
        } catch (MessagingException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String where = "channel " + name + ": SMTP " + settings.host() + ":" + settings.port() + ": ";
            String tls = tlsProblem(e);
            if (tls != null) {
                throw new DeliveryException(where + tls, false);
            }
            throw new DeliveryException(where + e.getMessage()
                    + (root != e ? " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")" : ""), false);
        }
    }

    /**
     * The server's certificate is checked against {@code tls.ca_file} (else the system's roots) and its name against
     * the host; only an explicit {@code insecure_skip_verify} turns both off.
     */
    private static void configureTls(Properties p, String protocol, ChannelSettings.EmailTls tls) {
        String prefix = "mail." + protocol + ".ssl.";
        p.put(prefix + "checkserveridentity", String.valueOf(!tls.insecureSkipVerify()));
        if (tls.caFile() == null && !tls.insecureSkipVerify()) {
            return;
        }
        TlsSettings settings = new TlsSettings(Optional.ofNullable(tls.caFile()), Optional.empty(), Optional.empty(),
                tls.insecureSkipVerify(), Optional.empty());
        SSLContext context;
        try {
            context = HttpClients.sslContext(settings);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("email: " + e.getMessage(), e);
        }
        // an SSLSocketFactory object (not a class name) is used for SMTPS and for the STARTTLS upgrade alike
        p.put(prefix + "socketFactory", context.getSocketFactory());
        if (tls.insecureSkipVerify()) {
            p.put(prefix + "trust", "*");
        }
    }

    /** One sentence for a failed TLS handshake or certificate check, or null when the failure was not about TLS. */
    static String tlsProblem(Throwable error) {
        String all = "";
        boolean ssl = false;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all += " " + t.getMessage();
            ssl |= t instanceof SSLException || t instanceof java.security.cert.CertificateException;
        }
        String text = all.toLowerCase(java.util.Locale.ROOT);
        if (text.contains("can't verify identity of server") || text.contains("no subject alternative")
                || text.contains("doesn't match any of the subject alternative names")) {
            return "TLS: the server's certificate is not valid for host '" + hostOf(error) + "'; use the name on its certificate";
        }
        if (text.contains("pkix path") || text.contains("unable to find valid certification path")) {
            return "TLS: the server's certificate is not signed by a trusted CA; set tls.ca_file";
        }
        if (text.contains("starttls is required")) {
            return "the server does not offer STARTTLS, which security: starttls requires (use smtps, or none on a trusted network)";
        }
        if (ssl) {
            return "TLS handshake failed (" + all.strip() + "); does the server speak TLS on this port?";
        }
        return null;
    }

    private static String hostOf(Throwable error) {
        String m = String.valueOf(error.getMessage());
        int i = m.lastIndexOf("server: ");
        return i < 0 ? "?" : m.substring(i + 8).strip();
    }

    /** Keeps our Message-ID instead of the random one Jakarta Mail would generate. */
    private static final class KeyedMessage extends MimeMessage {
        private final String messageId;

        KeyedMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
