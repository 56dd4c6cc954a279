package io.opsdeck.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.opsdeck.remediation.Outcome;
import io.opsdeck.remediation.RemediationEngine;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /api/v1/remediation/*} and {@code /api/v1/audit}: reads need viewer, cancel and trigger operator,
 * approve and reject approver, toggles admin. Every change is audited by the engine.
 */
final class RemediationApi {

    private static final Pattern ACTION = Pattern.compile("/api/v1/remediation/([A-Za-z0-9-]{1,64})/(approve|reject|cancel)");
    private static final Pattern ONE = Pattern.compile("/api/v1/remediation/requests/([A-Za-z0-9-]{1,64})");
    private static final int MAX_BODY = 64 * 1024;

    private final Agent agent;

    RemediationApi(Agent agent) {
        this.agent = agent;
    }

    static boolean owns(String path) {
        return path.startsWith("/api/v1/remediation/") || path.equals("/api/v1/audit");
    }

    void handle(HttpExchange ex, String path, String method, ApiAuth.Caller caller) throws IOException {
        RemediationEngine engine = agent.remediation();
        if (engine == null) {
            HttpIo.error(ex, 404, "remediation is off (remediation.enabled in the agent settings)");
            return;
        }
        Map<String, String> q = HttpIo.query(ex);
        boolean get = method.equals("GET");
        Matcher m;
        if (get && path.equals("/api/v1/remediation/pending")) {
            reply(ex, caller, Role.VIEWER, () -> engine.pending());
        } else if (get && path.equals("/api/v1/remediation/running")) {
            reply(ex, caller, Role.VIEWER, () -> engine.running());
        } else if (get && path.equals("/api/v1/remediation/history")) {
            reply(ex, caller, Role.VIEWER, () -> engine.history(blank(q.get("plan")), blank(q.get("target")), blank(q.get("result")),
                    Integer.parseInt(q.getOrDefault("limit", "200"))));
        } else if (get && (m = ONE.matcher(path)).matches()) {
            String id = m.group(1);
            if (allowed(ex, caller, Role.VIEWER)) {
                var r = engine.get(id);
                if (r.isPresent()) {
                    HttpIo.json(ex, 200, r.get());
                } else {
                    HttpIo.error(ex, 404, "no remediation request " + id);
                }
            }
        } else if (get && path.equals("/api/v1/remediation/plans")) {
            if (allowed(ex, caller, Role.VIEWER)) {
                plans(ex, engine, q.get("alert"));
            }
        } else if (path.equals("/api/v1/remediation/toggles") && (get || method.equals("PUT"))) {
            if (get) {
                reply(ex, caller, Role.VIEWER, engine::toggles);
            } else if (allowed(ex, caller, Role.ADMIN)) {
                JsonNode body = body(ex);
                body.fields().forEachRemaining(f -> {
                    if (!f.getValue().isBoolean()) {
                        throw new IllegalArgumentException("toggle " + f.getKey() + " needs true or false");
                    }
                });
                body.fields().forEachRemaining(f -> engine.setToggle(f.getKey(), f.getValue().booleanValue(), caller.name()));
                HttpIo.json(ex, 200, engine.toggles());
            }
        } else if (method.equals("POST") && (m = ACTION.matcher(path)).matches()) {
            String id = m.group(1);
            String verb = m.group(2);
            if (allowed(ex, caller, verb.equals("cancel") ? Role.OPERATOR : Role.APPROVER)) {
                String comment = body(ex).path("comment").asText("");
                outcome(ex, switch (verb) {
                    case "approve" -> engine.approve(id, caller.name(), comment);
                    case "reject" -> engine.reject(id, caller.name(), comment);
                    default -> engine.cancel(id, caller.name());
                });
            }
        } else if (method.equals("POST") && path.equals("/api/v1/remediation/trigger")) {
            if (allowed(ex, caller, Role.OPERATOR)) {
                trigger(ex, engine, caller);
            }
        } else if (method.equals("POST") && path.equals("/api/v1/audit")) {
            if (allowed(ex, caller, Role.OPERATOR)) {
                JsonNode body = body(ex);
                Map<String, Object> details = NotificationFactory.JSON.convertValue(body.path("details"),
                        new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
                long id = engine.appendAudit(caller.name(), body.path("kind").asText(null), details == null ? Map.of() : details);
                HttpIo.json(ex, 201, Map.of("id", id));
            }
        } else if (get && path.equals("/api/v1/audit")) {
            reply(ex, caller, Role.VIEWER, () -> agent.store().audit().list(blank(q.get("request"))));
        } else {
            HttpIo.error(ex, 404, "no such endpoint: " + method + " " + path);
        }
    }

    private void plans(HttpExchange ex, RemediationEngine engine, String fingerprint) throws IOException {
        if (fingerprint == null || fingerprint.isBlank()) {
            HttpIo.error(ex, 400, "plans needs ?alert=<fingerprint>");
            return;
        }
        var state = agent.store().history().state(fingerprint);
        if (state.isEmpty()) {
            HttpIo.error(ex, 404, "no alert with fingerprint " + fingerprint);
            return;
        }
        Map<String, String> labels = labels(state.get().labels());
        HttpIo.json(ex, 200, Map.of("fingerprint", fingerprint, "labels", labels, "plans", engine.plansFor(labels)));
    }

    private void trigger(HttpExchange ex, RemediationEngine engine, ApiAuth.Caller caller) throws IOException {
        JsonNode body = body(ex);
        String plan = body.path("plan").asText(null);
        String fingerprint = body.path("alert").asText(null);
        if (plan == null || fingerprint == null) {
            HttpIo.error(ex, 400, "trigger needs {\"plan\": NAME, \"alert\": FINGERPRINT}");
            return;
        }
        var state = agent.store().history().state(fingerprint);
        if (state.isEmpty()) {
            HttpIo.error(ex, 404, "no alert with fingerprint " + fingerprint);
            return;
        }
        outcome(ex, engine.trigger(plan, fingerprint, labels(state.get().labels()), caller.name(), caller.role() == Role.ADMIN,
                body.path("comment").asText(null)));
    }

    private static Map<String, String> labels(String json) throws IOException {
        return NotificationFactory.JSON.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, String>>() { });
    }

    private static void outcome(HttpExchange ex, Outcome o) throws IOException {
        int code = switch (o.code()) {
            case "ok" -> 200;
            case "not_found" -> 404;
            case "forbidden" -> 403;
            default -> 409;
        };
        HttpIo.json(ex, code, o);
    }

    private static JsonNode body(HttpExchange ex) throws IOException {
        byte[] raw = HttpIo.body(ex, MAX_BODY);
        if (raw.length == 0) {
            return NotificationFactory.JSON.createObjectNode();
        }
        JsonNode node = NotificationFactory.JSON.readTree(raw);
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the request body must be a JSON object");
        }
        return node;
    }

    private interface Supplier {
        Object get() throws IOException;
    }

    private static void reply(HttpExchange ex, ApiAuth.Caller caller, Role needed, Supplier value) throws IOException {
        if (allowed(ex, caller, needed)) {
            HttpIo.json(ex, 200, value.get());
        }
    }

    private static boolean allowed(HttpExchange ex, ApiAuth.Caller caller, Role needed) throws IOException {
        if (caller.role().allows(needed)) {
            return true;
        }
        HttpIo.error(ex, 403, caller.name() + " (" + caller.role().name().toLowerCase() + ") may not do this; needs "
                + needed.name().toLowerCase());
        return false;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
