package io.opsdeck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.opsdeck.alertmanager.Matcher;
import io.opsdeck.alertmanager.SourceHealth;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** What {@code alerts} and {@code silences} share: matcher arguments, durations, the failure footer, JSON. */
final class AlertmanagerCliSupport {

    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
            .build();

    private AlertmanagerCliSupport() {
    }

    /** amtool's convention: a bare word is an alertname; anything else is a matcher such as {@code severity=~"crit|warn"}. */
    static List<Matcher> matchers(CommandLine cli, List<String> args) {
        List<Matcher> matchers = new ArrayList<>();
        for (String arg : args) {
            try {
                matchers.add(arg.matches("[a-zA-Z_:][a-zA-Z0-9_:]*") ? Matcher.equal("alertname", arg) : Matcher.parse(arg));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cli, e.getMessage());
            }
        }
        return matchers;
    }

    /** A short human duration: {@code 45s}, {@code 12m}, {@code 3h20m}, {@code 4d2h}. */
    static String shortDuration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m";
        }
        if (s < 86400) {
            return s / 3600 + "h" + (s % 3600 / 60 == 0 ? "" : s % 3600 / 60 + "m");
        }
        return s / 86400 + "d" + (s % 86400 / 3600 == 0 ? "" : s % 86400 / 3600 + "h");
    }

    /** One line per failed source; nothing when all answered. */
    static void printFailures(PrintWriter out, Collection<SourceHealth> health) {
        List<SourceHealth> failed = health.stream().filter(h -> !h.healthy()).toList();
        if (!failed.isEmpty()) {
            out.println();
            out.println("Not answering (" + failed.size() + " of " + health.size() + " Alertmanagers):");
            failed.forEach(h -> out.println("  " + AlignedTable.sanitize(h.source())
                    + (h.cluster().equals(h.source()) ? "" : " [" + AlignedTable.sanitize(h.cluster()) + "]")
                    + ": " + AlignedTable.sanitize(h.lastError())));
        }
        out.flush();
    }

    /** Health as JSON-friendly maps. */
    static List<Map<String, Object>> healthJson(Collection<SourceHealth> health) {
        return health.stream().map(h -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", h.source());
            m.put("cluster", h.cluster());
            m.put("url", h.url());
            m.put("healthy", h.healthy());
            m.put("lastSuccess", h.lastSuccess());
            m.put("error", h.lastError());
            return m;
        }).toList();
    }

    /**
     * The {@code -o json} document of a fleet read: when it was fetched, the items under {@code key}, and each
     * source's health. Failed sources also go to stderr, so stdout stays one JSON document for a pipe into jq.
     */
    static void printSnapshotJson(CommandLine cli, Instant fetchedAt, String key, List<?> items,
            Collection<SourceHealth> health) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fetchedAt", fetchedAt);
        json.put(key, items);
        json.put("sources", healthJson(health));
        printJson(cli.getOut(), json);
        printFailures(cli.getErr(), health);
    }

    static void printJson(PrintWriter out, Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
            out.flush();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
