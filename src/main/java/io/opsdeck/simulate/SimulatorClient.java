package io.opsdeck.simulate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Talks to a running simulator's control API.
 *
 * <pre>{@code
 * SimulatorClient client = new SimulatorClient("http://127.0.0.1:9800");
 * client.raise("db-1", "disk_fill", Map.of("fill_in", "20m"));
 * }</pre>
 */
public final class SimulatorClient {

    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final HttpUrl base;
    private final OkHttpClient http = new OkHttpClient();

    public SimulatorClient(String baseUrl) {
        HttpUrl parsed = HttpUrl.parse(baseUrl);
        if (parsed == null) {
            throw new IllegalArgumentException("'" + baseUrl + "' is not an http(s) URL, e.g. http://127.0.0.1:9800");
        }
        this.base = parsed;
    }

    public Fault raise(String host, String kind, Map<String, String> params) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("host", host);
        body.put("kind", kind);
        body.put("params", params);
        return convert(call("POST", "api/v1/faults", body), new TypeReference<>() { });
    }

    /** Clears one kind, or every fault of the host when {@code kind} is null; returns the kinds cleared. */
    public List<String> clear(String host, String kind) {
        HttpUrl.Builder url = base.newBuilder().addPathSegments("api/v1/faults").addPathSegment(host);
        if (kind != null) {
            url.addPathSegment(kind);
        }
        return convert(call("DELETE", url.build(), null).path("cleared"), new TypeReference<>() { });
    }

    public List<Fault> faults() {
        return convert(call("GET", "api/v1/faults", null), new TypeReference<>() { });
    }

    public List<HostInfo> hosts() {
        return convert(call("GET", "api/v1/hosts", null), new TypeReference<>() { });
    }

    public ActionResult act(String host, String action) {
        return convert(call("POST", "api/v1/actions", Map.of("host", host, "action", action)), new TypeReference<>() { });
    }

    private JsonNode call(String method, String path, Object body) {
        return call(method, base.newBuilder().addPathSegments(path).build(), body);
    }

    private JsonNode call(String method, HttpUrl url, Object body) {
        try {
            RequestBody rb = body == null ? (method.equals("DELETE") ? RequestBody.create(new byte[0]) : null)
                    : RequestBody.create(ControlApi.JSON.writeValueAsBytes(body), JSON_TYPE);
            try (Response r = http.newCall(new Request.Builder().url(url).method(method, rb).build()).execute()) {
                String text = r.body() == null ? "" : r.body().string();
                JsonNode json;
                try {
                    json = ControlApi.JSON.readTree(text);
                } catch (IOException e) {
                    throw new SimulationException(502, "simulator at " + base + " answered " + r.code()
                            + " with something other than JSON: " + abbreviate(text));
                }
                if (!r.isSuccessful()) {
                    throw new SimulationException(r.code(), json.path("error").asText(abbreviate(text)));
                }
                return json;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the simulator at " + base + " (" + e.getMessage()
                    + "); start one with 'opsdeck simulate' or pass --url", e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    private <T> T convert(JsonNode node, TypeReference<T> type) {
        try {
            return ControlApi.JSON.convertValue(node, type);
        } catch (IllegalArgumentException e) {
            throw new SimulationException(502, "simulator at " + base + " sent an unexpected answer: " + e.getMessage());
        }
    }
}
