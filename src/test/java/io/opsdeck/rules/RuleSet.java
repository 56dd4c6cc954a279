package io.opsdeck.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rule files and promtool test files of rules/prometheus, parsed with Jackson YAML. */
final class RuleSet {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "bool", "offset", "inf", "nan", "Inf", "NaN");

    /** One alerting rule with the file it came from. */
    record Alert(Path file, String name, String expr, Map<String, String> labels, Map<String, String> annotations) {
    }

    /** One alert_rule_test entry: an alert name, an eval time and the severities expected firing. */
    record AlertCase(Path file, String alertname, String evalTime, List<String> firingSeverities) {
    }

    private RuleSet() {
    }

    static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    static List<Alert> alerts() throws IOException {
        List<Alert> alerts = new ArrayList<>();
        for (Path file : Tools.ruleFiles()) {
            for (JsonNode group : read(file).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    if (rule.has("alert")) {
                        alerts.add(new Alert(file, rule.get("alert").asText(), rule.path("expr").asText(),
                                strings(rule.path("labels")), strings(rule.path("annotations"))));
                    }
                }
            }
        }
        return alerts;
    }

    /** Names defined by `record:` in any rule file. */
    static Set<String> recordedNames() throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (Path file : Tools.ruleFiles()) {
            for (JsonNode group : read(file).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    if (rule.has("record")) {
                        names.add(rule.get("record").asText());
                    }
                }
            }
        }
        return names;
    }

    static List<AlertCase> alertCases() throws IOException {
        List<AlertCase> cases = new ArrayList<>();
        for (Path file : Tools.ruleTestFiles()) {
            for (JsonNode test : read(file).path("tests")) {
                for (JsonNode check : test.path("alert_rule_test")) {
                    List<String> severities = new ArrayList<>();
                    check.path("exp_alerts").forEach(a -> severities.add(a.path("exp_labels").path("severity").asText()));
                    cases.add(new AlertCase(file, check.path("alertname").asText(), check.path("eval_time").asText(),
                            severities));
                }
            }
        }
        return cases;
    }

    /** Metric names an expression selects: identifiers outside strings, label matchers and label lists. */
    static Set<String> metricNames(String expr) {
        String s = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("'(?:[^'\\\\]|\\\\.)*'", "''")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            if (!KEYWORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Non-comment, non-blank lines of a test resource. */
    static Set<String> resourceLines(String name) throws IOException {
        try (var in = RuleSet.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            Set<String> lines = new LinkedHashSet<>();
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(lines::add);
            return lines;
        }
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new TreeMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
