package io.opsdeck.simulate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON control API under {@code /api/v1}: {@code GET hosts}, {@code GET|POST faults},
 * {@code DELETE faults/{host}[/{kind}]}, {@code POST actions}. Errors answer {@code {"error": "..."}} with 400 or 404.
 */
final class ControlApi implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ControlApi.class);
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final int MAX_BODY = 64 * 1024;

    private final Fleet fleet;

    ControlApi(Fleet fleet) {
        this.fleet = fleet;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            respond(ex);
        }
    }

    private void respond(HttpExchange ex) throws IOException {
        try {
            String[] path = ex.getRequestURI().getPath().replaceFirst("^/api/v1/?", "").split("/");
            String method = ex.getRequestMethod();
            Object result = switch (path[0] + " " + method) {
                case "hosts GET" -> fleet.hosts();
                case "faults GET" -> fleet.faults();
                case "faults POST" -> raise(ex);
                case "faults DELETE" -> clear(path);
                case "actions POST" -> act(ex);
                default -> throw new SimulationException(path[0].matches("hosts|faults|actions") ? 405 : 404,
                        "no endpoint " + method + " " + ex.getRequestURI().getPath()
                                + "; endpoints: GET /api/v1/hosts, GET|POST /api/v1/faults,"
                                + " DELETE /api/v1/faults/{host}[/{kind}], POST /api/v1/actions");
            };
            send(ex, method.equals("POST") && path[0].equals("faults") ? 201 : 200, result);
        } catch (SimulationException e) {
            send(ex, e.status(), Map.of("error", e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("control API request {} {} failed", ex.getRequestMethod(), ex.getRequestURI().getPath(), e);
            send(ex, 500, Map.of("error", "internal error: " + e));
        }
    }

    private Fault raise(HttpExchange ex) throws IOException {
        JsonNode body = body(ex);
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode p = body.path("params");
        if (!p.isMissingNode() && !p.isNull() && !p.isObject()) {
            throw SimulationException.badRequest("'params' must be an object of strings, e.g. {\"fill_in\":\"20m\"}");
        }
        p.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        Fault f = fleet.raise(text(body, "host"), text(body, "kind"), params);
        LOG.info("fault raised: {} on {} {}", f.kind().id(), f.host(), f.params());
        return f;
    }

    private Map<String, Object> clear(String[] path) {
        if (path.length < 2 || path.length > 3) {
            throw SimulationException.badRequest("use DELETE /api/v1/faults/{host} or /api/v1/faults/{host}/{kind}");
        }
        List<String> cleared = path.length == 3
                ? (fleet.clear(path[1], path[2]) ? List.of(path[2]) : List.of())
                : fleet.clearAll(path[1]);
        LOG.info("faults cleared on {}: {}", path[1], cleared);
        return Map.of("host", path[1], "cleared", cleared);
    }

    private ActionResult act(HttpExchange ex) throws IOException {
        JsonNode body = body(ex);
        ActionResult r = fleet.act(text(body, "host"), text(body, "action"));
        LOG.info("action {} on {}: {}", r.action(), r.host(), r.effect());
        return r;
    }

    private static JsonNode body(HttpExchange ex) throws IOException {
        byte[] bytes;
        try (InputStream in = ex.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            throw SimulationException.badRequest("request body larger than " + MAX_BODY + " bytes");
        }
        try {
            JsonNode n = JSON.readTree(bytes);
            if (n == null || !n.isObject()) {
                throw SimulationException.badRequest("request body must be a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw SimulationException.badRequest("request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw SimulationException.badRequest("request body needs a string field '" + field + "'");
        }
        return v.asText();
    }

    static void send(HttpExchange ex, int status, Object value) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(value);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }
}
