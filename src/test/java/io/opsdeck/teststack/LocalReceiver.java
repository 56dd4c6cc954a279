package io.opsdeck.teststack;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP receiver standing in for services the tests cannot reach (Slack, PagerDuty, third-party
 * webhooks). It records every request and answers with a scripted status; {@link #hang} makes it stall.
 */
public final class LocalReceiver implements AutoCloseable {

    /** One recorded request. */
    public record Received(String method, String path, Headers headers, String body) {
        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureCode = 500;
    private volatile boolean hang;
    private volatile java.util.function.Consumer<String> onReceive;

    public LocalReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Received r = new Received(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestHeaders(), body);
            if (hang) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ex.close();
                return;
            }
            int code = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? failureCode : 200;
            if (code == 200 && onReceive != null) {
                onReceive.accept(body);
            } else if (code == 200) {
                received.add(r);
            }
            byte[] answer = (code == 200 ? "ok" : "<html>server error</html>").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(code, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        server.start();
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Accepted (2xx) requests so far. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The next {@code count} requests get {@code code}. */
    public LocalReceiver failNext(int count, int code) {
        failureCode = code;
        failuresLeft.set(count);
        return this;
    }

    /** Hands each accepted body to {@code consumer} instead of recording it (benchmarks). */
    public LocalReceiver onReceive(java.util.function.Consumer<String> consumer) {
        onReceive = consumer;
        return this;
    }

    public LocalReceiver hang(boolean value) {
        hang = value;
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
