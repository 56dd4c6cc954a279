package io.opsdeck.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Maps the small metadata answers (rules, alerts, targets, ...) from a JSON tree to records. */
final class ApiJson {

    private ApiJson() {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a small answer as a tree (the query path streams instead), checks the envelope, maps {@code data}. */
    static <T> T data(InputStream body, Function<JsonNode, T> map) throws IOException {
        JsonNode root = JSON.readTree(body);
        if (root == null || !root.isObject()) {
            throw new MalformedResponseException("the body is not a JSON object");
        }
        String status = root.path("status").asText(null);
        if ("error".equals(status) || root.has("errorType")) {
            throw new ServerErrorException(root.path("errorType").asText(null), root.path("error").asText("(no error text)"));
        }
        if (!"success".equals(status)) {
            throw new MalformedResponseException("the body has status \"" + status + "\", expected \"success\"");
        }
        JsonNode data = root.path("data");
        if (data.isMissingNode() || data.isNull()) {
            throw new MalformedResponseException("the body has no \"data\"");
        }
        try {
            return map.apply(data);
        } catch (RuntimeException e) {
            throw new MalformedResponseException("unexpected data: " + e.getMessage());
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }

    static Labels labels(JsonNode object) {
        if (!object.isObject()) {
            return Labels.empty();
        }
        Map<String, String> map = new LinkedHashMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return Labels.of(map);
    }

    static Map<String, String> map(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        if (object.isObject()) {
            object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        }
        return map;
    }

    static List<Labels> labelSets(JsonNode array) {
        List<Labels> out = new ArrayList<>();
        array.forEach(n -> out.add(labels(n)));
        return List.copyOf(out);
    }

    static List<RuleGroup> ruleGroups(JsonNode data) {
        List<RuleGroup> groups = new ArrayList<>();
        for (JsonNode g : data.path("groups")) {
            List<RuleGroup.Rule> rules = new ArrayList<>();
            for (JsonNode r : g.path("rules")) {
                List<Alert> alerts = new ArrayList<>();
                r.path("alerts").forEach(a -> alerts.add(alert(a)));
                rules.add(new RuleGroup.Rule(r.path("type").asText(), r.path("name").asText(),
                        r.path("query").asText(), r.path("health").asText(), r.path("lastError").asText(),
                        r.path("state").asText(), seconds(r.path("duration")), labels(r.path("labels")),
                        map(r.path("annotations")), alerts));
            }
            groups.add(new RuleGroup(g.path("name").asText(), g.path("file").asText(),
                    seconds(g.path("interval")), rules));
        }
        return List.copyOf(groups);
    }

    static List<Alert> alerts(JsonNode data) {
        List<Alert> alerts = new ArrayList<>();
        data.path("alerts").forEach(a -> alerts.add(alert(a)));
        return List.copyOf(alerts);
    }

    static Alert alert(JsonNode a) {
        return new Alert(labels(a.path("labels")), map(a.path("annotations")), a.path("state").asText(),
                instant(a.path("activeAt")), a.path("value").asText());
    }

    static List<Target> targets(JsonNode data) {
        List<Target> targets = new ArrayList<>();
        for (JsonNode t : data.path("activeTargets")) {
            targets.add(new Target(labels(t.path("labels")), t.path("scrapePool").asText(),
                    t.path("scrapeUrl").asText(), t.path("health").asText(), t.path("lastError").asText(),
                    instant(t.path("lastScrape")), seconds(t.path("lastScrapeDuration"))));
        }
        return List.copyOf(targets);
    }

    static List<MetricMetadata> metadata(JsonNode data) {
        List<MetricMetadata> out = new ArrayList<>();
        data.properties().forEach(e -> e.getValue().forEach(m -> out.add(new MetricMetadata(e.getKey(),
                m.path("type").asText(), m.path("help").asText(), m.path("unit").asText()))));
        return List.copyOf(out);
    }

    static BuildInfo buildInfo(JsonNode data) {
        return new BuildInfo(data.path("version").asText(), data.path("revision").asText(),
                data.path("branch").asText(), data.path("buildUser").asText(), data.path("buildDate").asText(),
                data.path("goVersion").asText());
    }

    private static Duration seconds(JsonNode n) {
        if (!n.isNumber()) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(new BigDecimal(n.asText()).movePointRight(9).longValue());
    }

    private static Instant instant(JsonNode n) {
        if (!n.isTextual()) {
            return null;
        }
        try {
            Instant t = Instant.parse(n.asText());
            return t.getEpochSecond() < 0 ? null : t; // Go's zero time means "never"
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
