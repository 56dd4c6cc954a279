package io.opsdeck.notify;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * The STARTTLS step in front of a real GreenMail SMTP server, which lacks STARTTLS (greenmail issue #135).
 * It greets, offers only STARTTLS to the first EHLO, upgrades the connection with a real TLS handshake using
 * {@code tls}'s certificate, then relays the decrypted session to GreenMail (swallowing GreenMail's own greeting),
 * so authentication and delivery are GreenMail's. Records the TLS protocol each session negotiated.
 */
final class StartTlsFront implements Closeable {

    private final ServerSocket listener;
    private final SSLContext tls;
    private final int smtpPort;
    private final List<String> negotiated = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    StartTlsFront(SSLContext tls, int smtpPort) throws IOException {
        this.tls = tls;
        this.smtpPort = smtpPort;
        this.listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The TLS protocol (e.g. TLSv1.3) of every session that completed the handshake. */
    List<String> negotiated() {
        return List.copyOf(negotiated);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                open.add(client);
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            OutputStream out = client.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
            write(out, "220 starttls-front ESMTP");
            while (true) {
                String line = in.readLine();
                if (line == null) {
                    return;
                }
                String command = line.toUpperCase(java.util.Locale.ROOT);
                if (command.startsWith("EHLO")) {
                    write(out, "250-starttls-front\r\n250 STARTTLS");
                } else if (command.startsWith("STARTTLS")) {
                    write(out, "220 go ahead");
                    break;
                } else if (command.startsWith("QUIT")) {
                    write(out, "221 bye");
                    return;
                } else {
                    write(out, "530 must issue STARTTLS first");
                }
            }
            SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(client, null, client.getPort(), false);
            secure.setUseClientMode(false);
            secure.startHandshake();
            negotiated.add(secure.getSession().getProtocol());
            try (Socket smtp = new Socket(InetAddress.getLoopbackAddress(), smtpPort)) {
                open.add(smtp);
                InputStream fromSmtp = smtp.getInputStream();
                skipGreeting(fromSmtp);
                Thread back = Thread.ofVirtual().start(() -> pump(fromSmtp, secure));
                pump(secure.getInputStream(), smtp);
                back.join(5000);
            }
        } catch (IOException | InterruptedException e) {
            // the client gave up (e.g. it rejected our certificate): nothing to relay
        }
    }

    private static void skipGreeting(InputStream in) throws IOException {
        for (int c; (c = in.read()) != -1 && c != '\n'; ) {
            // GreenMail's "220 ..." line; the client already had ours
        }
    }

    private static void pump(InputStream from, Socket to) {
        try {
            from.transferTo(to.getOutputStream());
            to.close();
        } catch (IOException e) {
            // either side closed
        }
    }

    private static void write(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
