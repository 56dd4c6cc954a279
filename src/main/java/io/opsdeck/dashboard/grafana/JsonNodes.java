package io.opsdeck.dashboard.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lenient readers for Grafana JSON, whose fields change type between versions (numbers as strings etc.). */
final class JsonNodes {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonNodes() {
    }

    static String text(JsonNode n, String field, String dflt) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? dflt : v.asText();
    }

    static int integer(JsonNode n, String field, int dflt) {
        Double d = number(n, field);
        return d == null ? dflt : (int) Math.round(d);
    }

    /** A number, also when written as a string ("80", "250px"); null when absent or not numeric. */
    static Double number(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        String s = v.asText().strip().replaceAll("px$", "");
        try {
            return s.isEmpty() ? null : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean bool(JsonNode n, String field, boolean dflt) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        return v.isBoolean() ? v.asBoolean() : v.asText().equalsIgnoreCase("true");
    }

    static List<JsonNode> array(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        List<JsonNode> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(out::add);
        }
        return out;
    }

    /** A JSON object as plain maps and lists; empty for anything else. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> plainMap(JsonNode n) {
        if (n == null || !n.isObject()) {
            return Map.of();
        }
        return MAPPER.convertValue(n, Map.class);
    }

    static Object plain(JsonNode n) {
        return n == null || n.isNull() ? null : MAPPER.convertValue(n, Object.class);
    }

    static List<String> strings(JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(e -> out.add(e.asText()));
        } else {
            out.add(v.asText());
        }
        return out;
    }
}
