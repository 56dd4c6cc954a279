package io.opsdeck.prometheus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server for answers a real Prometheus never gives: broken JSON, HTML from a proxy,
 * wrong content types, hangs. Real answers come from the real Prometheus in the other tests.
 */
final class HostileServer implements AutoCloseable {

    private final HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    HostileServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers every request below {@code path} with this status, content type and body. */
    HostileServer answer(String path, int status, String contentType, String body) {
        return handle(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
    }

    /** Promises {@code declared} bytes, sends {@code body}, then drops the connection. */
    HostileServer cutOff(String path, String body, int declared) {
        return handle(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, declared);
            OutputStream out = exchange.getResponseBody();
            out.write(body.getBytes(StandardCharsets.UTF_8));
            out.flush();
            exchange.getHttpContext().getServer().stop(0);
        });
    }

    /** Accepts the request and never answers (until closed). */
    HostileServer hang(String path) {
        return handle(path, exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
    }

    HostileServer handle(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            try (HttpExchange ignored = exchange) {
                exchange.getRequestBody().readAllBytes();
                handler.handle(exchange);
            }
        });
        return this;
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
