package io.opsdeck.console.live;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay to a real server that a test can cut (open connections dropped, new ones refused) and
 * restore on the same port: a network outage between console and agent.
 */
final class TcpGate implements Closeable {

    private int port;
    private final int target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;

    /**
     * Listens on a free port below the kernel's ephemeral range (32768 and up): while the gate is cut, a client
     * reconnecting to an ephemeral port can be given that same port as its own source port and connect to itself,
     * and the gate could then not listen there again.
     */
    TcpGate(int target) throws IOException {
        this.target = target;
        java.util.Random random = new java.util.Random();
        IOException last = null;
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = 20_000 + random.nextInt(12_000);
            try {
                bind(candidate);
                this.port = candidate;
                return;
            } catch (IOException e) {
                last = e;
            }
        }
        throw new IOException("no free port between 20000 and 32000", last);
    }

    int port() {
        return port;
    }

    /** Listens again on the same port. */
    synchronized void restore() throws IOException {
        // the closed listener's accept thread may still hold the port for a moment: retry briefly
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            try {
                bind(port);
                return;
            } catch (java.net.BindException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private synchronized void bind(int on) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        try {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), on), 50);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        listener = s;
        Thread.ofVirtual().start(() -> accept(s));
    }

    /** Drops every connection and refuses new ones until {@link #restore()}. */
    synchronized void cut() throws IOException {
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(client);
                open.add(server);
                Thread.ofVirtual().start(() -> pump(client, server));
                Thread.ofVirtual().start(() -> pump(server, client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // cut, or one side closed
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
