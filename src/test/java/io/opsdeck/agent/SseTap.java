package io.opsdeck.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Reads the agent's event stream raw, line by line, in the background: what a console would get on the wire. */
final class SseTap implements AutoCloseable {

    /** One event: its id, type and data; comments (heartbeats) are recorded with type "comment". */
    record Event(String id, String type, String data) {
        JsonNode json() throws IOException {
            return Webhooks.JSON.readTree(data);
        }
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final Call call;
    private volatile int status = -1;
    private volatile String contentType;

    SseTap(URI base, String query, String token, String lastEventId) {
        Request.Builder b = new Request.Builder().url(base.resolve("/api/v1/events" + (query == null ? "" : query)).toString())
                .header("Accept", "text/event-stream");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        OkHttpClient http = Webhooks.HTTP.newBuilder().readTimeout(Duration.ofSeconds(30)).build();
        call = http.newCall(b.build());
        Thread.ofVirtual().start(this::read);
    }

    private void read() {
        try (Response r = call.execute()) {
            contentType = r.header("Content-Type");
            status = r.code();
            BufferedReader in = new BufferedReader(new InputStreamReader(r.body().byteStream(), StandardCharsets.UTF_8));
            String id = null;
            String type = null;
            StringBuilder data = new StringBuilder();
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (type != null || data.length() > 0) {
                        events.add(new Event(id, type == null ? "message" : type, data.toString()));
                    }
                    id = null;
                    type = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    events.add(new Event(null, "comment", line.substring(1).strip()));
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (IOException e) {
            // cancelled by close() or the agent went away
        }
    }

    int status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    List<Event> all() {
        return List.copyOf(events);
    }

    List<Event> of(String type) {
        List<Event> out = new ArrayList<>();
        for (Event e : events) {
            if (e.type().equals(type)) {
                out.add(e);
            }
        }
        return out;
    }

    @Override
    public void close() {
        call.cancel();
    }
}
