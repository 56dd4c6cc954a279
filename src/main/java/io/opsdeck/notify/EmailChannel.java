package io.opsdeck.notify;

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
import java.util.Properties;

/**
 * Email over SMTP (plain, STARTTLS required, or SMTPS) with optional auth: multipart/alternative with plain
 * text and HTML. The {@code Message-ID} is derived from the idempotency key, so a repeat is recognisably the same mail.
 */
public final class EmailChannel implements Channel {

    private final String name;
    private final ChannelSettings.EmailSettings settings;
    private final Session session;

    public EmailChannel(String name, ChannelSettings.EmailSettings settings, java.time.Duration timeout) {
        this.name = name;
        this.settings = settings;
        boolean smtps = "smtps".equals(settings.security());
        String protocol = smtps ? "smtps" : "smtp";
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
        if (smtps) {
            p.put("mail.smtps.ssl.checkserveridentity", "true");
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
            Transport.send(message);
        } catch (AddressException e) {
            throw new DeliveryException("channel " + name + ": bad address '" + d.address() + "': " + e.getMessage(), true);
        } catch (SendFailedException e) {
            throw new DeliveryException("channel " + name + ": server refused the message: " + e.getMessage(), false);
        } catch (MessagingException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new DeliveryException("channel " + name + ": SMTP " + settings.host() + ":" + settings.port() + ": "
                    + e.getMessage() + (root != e ? " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")" : ""), false);
        }
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
