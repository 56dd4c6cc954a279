package io.opsdeck.agent;

import com.sun.net.httpserver.HttpExchange;
import io.opsdeck.notify.Durations;
import io.opsdeck.store.Notification;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/events}: desktop notifications as Server-Sent Events. Each event is
 * {@code id: <seq>}, {@code event: notification}, {@code data: <notification JSON>}. The stream starts after
 * {@code Last-Event-ID} (what a reconnecting console saw last), else after {@code ?after=SEQ}, else at the current
 * end; it first sends {@code event: ready} whose id is that position, so a console that reconnects before any
 * notification still resumes without a gap. A comment line every {@code heartbeat} (default 15s, 1s to 60s)
 * keeps proxies and read timeouts from closing a quiet stream.
 */
final class EventStream {

    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    private static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);

    private final DesktopEvents desktop;

    EventStream(DesktopEvents desktop) {
        this.desktop = desktop;
    }

    void serve(HttpExchange ex, Map<String, String> query) throws IOException, InterruptedException {
        long position;
        Duration heartbeat;
        try {
            String lastId = ex.getRequestHeaders().getFirst("Last-Event-ID");
            position = lastId != null && !lastId.isBlank() ? Long.parseLong(lastId.strip())
                    : query.containsKey("after") ? Long.parseLong(query.get("after")) : desktop.tail();
            heartbeat = Durations.parse(query.getOrDefault("heartbeat", "15s"));
        } catch (IllegalArgumentException e) {
            HttpIo.error(ex, 400, "bad request: Last-Event-ID and after are sequence numbers, heartbeat a duration ("
                    + e.getMessage() + ")");
            return;
        }
        heartbeat = heartbeat.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                : heartbeat.compareTo(Duration.ofSeconds(60)) > 0 ? Duration.ofSeconds(60) : heartbeat;
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.getResponseHeaders().set("X-Accel-Buffering", "no");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        try {
            write(out, "retry: 2000\nevent: ready\nid: " + position + "\ndata: {\"last\":" + position + "}\n\n");
            while (!desktop.closed()) {
                List<Notification> events = desktop.after(position, heartbeat);
                if (desktop.closed()) {
                    break;
                }
                StringBuilder chunk = new StringBuilder();
                for (Notification n : events) {
                    chunk.append("id: ").append(n.seq()).append("\nevent: notification\ndata: ")
                            .append(NotificationFactory.JSON.writeValueAsString(ApiHandlers.view(n))).append("\n\n");
                    position = n.seq();
                }
                write(out, events.isEmpty() ? ": heartbeat\n\n" : chunk.toString());
            }
        } catch (IOException e) {
            LOG.debug("Event stream closed by the console: {}", e.getMessage());
        } catch (RuntimeException e) {
            // the store closed under us while the agent shuts down
            LOG.debug("Event stream ended: {}", e.getMessage());
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
