package io.opsdeck.console.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsdeck.console.AgentNotification;
import io.opsdeck.console.AgentNotificationFeed;
import io.opsdeck.console.Severity;
import io.opsdeck.console.Subscription;
import io.opsdeck.http.ConnectionSettings;
import io.opsdeck.http.HttpClients;
import io.opsdeck.http.TransportErrors;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's side of the agent's {@code /api/v1/events} Server-Sent Events stream. It reconnects after any
 * failure with exponential backoff and jitter, resumes with {@code Last-Event-ID}, and passes on each notification
 * once, in order (an id it has already passed on is dropped).
 *
 * <pre>{@code
 * try (AgentEventStream stream = AgentEventStream.builder(endpoint.connection()).build()) {
 *     stream.subscribe(n -> log.info("agent says {}", n.subject()));
 *     stream.start();
 * }
 * }</pre>
 */
public final class AgentEventStream implements AgentNotificationFeed, Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(AgentEventStream.class);

    private final ConnectionSettings connection;
    private final OkHttpClient http;
    private final Duration heartbeat;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final List<Consumer<AgentNotification>> listeners = new CopyOnWriteArrayList<>();
    private volatile long lastEventId = -1;
    private volatile boolean connected;
    private volatile boolean closed;
    private volatile Call call;
    private volatile String problem;
    private Thread worker;

    private AgentEventStream(Builder b) {
        this.connection = b.connection;
        this.heartbeat = b.heartbeat;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        // a quiet stream still gets a heartbeat comment every heartbeat: three missed ones mean the link is dead
        this.http = HttpClients.forSource(connection).newBuilder().readTimeout(heartbeat.multipliedBy(3))
                .callTimeout(Duration.ZERO).build();
    }

    /** Defaults: heartbeat 10s, backoff 1s doubling to 30s. */
    public static Builder builder(ConnectionSettings connection) {
        return new Builder(connection);
    }

    @Override
    public Subscription subscribe(Consumer<AgentNotification> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Connects in the background; call once. */
    public synchronized AgentEventStream start() {
        if (worker == null && !closed) {
            worker = Thread.ofVirtual().name("agent-events").start(this::run);
        }
        return this;
    }

    /** The id of the last notification passed on (or the stream position the agent gave), -1 before the first connection. */
    public long lastEventId() {
        return lastEventId;
    }

    /** True while a stream is open. */
    public boolean connected() {
        return connected;
    }

    /** Why the last attempt failed, or null while connected. */
    public String problem() {
        return problem;
    }

    private void run() {
        Duration backoff = initialBackoff;
        while (!closed) {
            boolean opened = false;
            try {
                opened = stream();
            } catch (IOException e) {
                if (!closed) {
                    report(TransportErrors.describe("agent", url(), e));
                }
            } catch (RuntimeException e) {
                report("agent event stream: " + e.getMessage());
            } finally {
                connected = false;
            }
            backoff = opened ? initialBackoff : min(backoff.multipliedBy(2), maxBackoff);
            if (!closed) {
                try {
                    long ms = backoff.toMillis();
                    Thread.sleep(ms / 2 + ThreadLocalRandom.current().nextLong(ms / 2 + 1));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** One connection; true when the agent accepted it (so the next retry starts from the shortest backoff). */
    private boolean stream() throws IOException {
        Request.Builder request = new Request.Builder().url(url()).header("Accept", "text/event-stream");
        if (lastEventId >= 0) {
            request.header("Last-Event-ID", Long.toString(lastEventId));
        }
        Call c = http.newCall(request.build());
        call = c;
        if (closed) {
            return false;
        }
        try (Response response = c.execute()) {
            if (response.code() == 401 || response.code() == 403) {
                report("agent (" + TransportErrors.safeUrl(url()) + "): HTTP " + response.code()
                        + ", the token was refused; check agent.token");
                return false;
            }
            if (response.code() != 200) {
                report("agent (" + TransportErrors.safeUrl(url()) + "): HTTP " + response.code() + " for the event stream");
                return false;
            }
            connected = true;
            if (problem != null) {
                LOG.info("Agent event stream connected again at {}", lastEventId);
                problem = null;
            }
            read(response.body().source());
            return true;
        }
    }

    private void read(BufferedSource source) throws IOException {
        String id = null;
        String type = null;
        StringBuilder data = new StringBuilder();
        for (String line; !closed && (line = source.readUtf8Line()) != null; ) {
            if (line.isEmpty()) {
                dispatch(id, type, data.toString());
                id = null;
                type = null;
                data.setLength(0);
            } else if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("event:")) {
                type = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).strip());
            }
            // ':' heartbeats and retry: need nothing
        }
    }

    private void dispatch(String id, String type, String data) throws IOException {
        if (id == null) {
            return;
        }
        long seq = Long.parseLong(id);
        if ("ready".equals(type)) {
            lastEventId = Math.max(lastEventId, seq);
            return;
        }
        if (!"notification".equals(type) || seq <= lastEventId) {
            return;
        }
        AgentNotification n = parse(seq, AgentJson.MAPPER.readTree(data));
        lastEventId = seq;
        for (Consumer<AgentNotification> l : listeners) {
            try {
                l.accept(n);
            } catch (RuntimeException e) {
                LOG.error("An agent notification listener failed", e);
            }
        }
    }

    static AgentNotification parse(long seq, JsonNode n) {
        return new AgentNotification(seq, n.path("kind").asText(null), n.path("fingerprint").asText(""),
                n.path("alertname").asText(null), Severity.parse(n.path("severity").asText(null)),
                n.path("alertStatus").asText(null), n.path("subject").asText(null), n.path("text").asText(null),
                Instant.ofEpochMilli(n.path("createdAt").asLong(0)), labels(n.path("labels")));
    }

    /** The notification's labels; anything but an object of strings is left out (an older agent sends none). */
    private static Map<String, String> labels(JsonNode labels) {
        Map<String, String> out = new java.util.HashMap<>();
        if (labels.isObject()) {
            labels.properties().forEach(e -> {
                if (e.getValue().isTextual()) {
                    out.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        return out;
    }

    private void report(String message) {
        if (!message.equals(problem)) {
            LOG.warn("{}; retrying", message);
        }
        problem = message;
    }

    private HttpUrl url() {
        return HttpClients.resolve(connection, "api/v1/events").newBuilder()
                .addQueryParameter("heartbeat", heartbeat.toMillis() + "ms").build();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Stops reconnecting and drops the open stream. */
    @Override
    public void close() {
        closed = true;
        Call c = call;
        if (c != null) {
            c.cancel();
        }
        Thread w;
        synchronized (this) {
            w = worker;
        }
        if (w != null) {
            w.interrupt();
        }
        // the client shares HttpClients' dispatcher and pool with every source: nothing else to close
    }

    /** Builder; see {@link AgentEventStream#builder}. */
    public static final class Builder {
        private final ConnectionSettings connection;
        private Duration heartbeat = Duration.ofSeconds(10);
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(30);

        private Builder(ConnectionSettings connection) {
            this.connection = connection;
        }

        /** How often the agent sends a heartbeat on a quiet stream (1s to 60s). Default 10s. */
        public Builder heartbeat(Duration value) {
            this.heartbeat = value;
            return this;
        }

        /** First wait after a failure; doubles up to {@link #maxBackoff}. Default 1s. */
        public Builder initialBackoff(Duration value) {
            this.initialBackoff = value;
            return this;
        }

        /** Longest wait between attempts. Default 30s. */
        public Builder maxBackoff(Duration value) {
            this.maxBackoff = value;
            return this;
        }

        public AgentEventStream build() {
            return new AgentEventStream(this);
        }
    }
}
