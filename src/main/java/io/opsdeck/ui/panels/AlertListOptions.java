package io.opsdeck.ui.panels;

import io.opsdeck.alertmanager.Matcher;
import io.opsdeck.console.ActiveAlert;
import io.opsdeck.console.AlertState;
import io.opsdeck.console.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Grafana's alert list options read for Alertmanager's alerts, as Grafana applies them: filter, sort, then keep the
 * first {@code maxItems}.
 * <ul>
 * <li>{@code stateFilter}: the unified panel's object ({@code {"firing": true, "pending": true, ...}}) or the legacy
 * panel's list ({@code ["alerting", "pending"]}). Absent or empty: every alert (as Grafana). Otherwise an alert shows
 * when its state is asked for: {@code firing}/{@code alerting} is Alertmanager's active (neither silenced nor
 * inhibited); OpsDeck's own {@code suppressed}, {@code silenced} and {@code inhibited} are Alertmanager's suppressed.
 * {@code pending}, {@code recovering}, {@code noData}, {@code normal}, {@code error} (and the legacy {@code no_data},
 * {@code ok}, {@code execution_error}, {@code paused}) match nothing: Alertmanager never holds such alerts.</li>
 * <li>{@code sortOrder}: 1 name A-Z, 2 name Z-A (the A-Z list reversed), 3 importance (firing before suppressed, as
 * Grafana's state score puts alerting first; then worst severity, oldest), 4 oldest first, 5 newest first (the
 * oldest-first list reversed). Ties keep a fixed order (name, instance, fingerprint) where Grafana keeps its API's.
 * Absent: OpsDeck's order, worst severity then oldest.</li>
 * <li>{@code alertName} (part of the name, any case), {@code maxItems}; OpsDeck's {@code severity} and
 * {@code state: firing} (not suppressed).</li>
 * <li>{@code alertInstanceLabelFilter}: label matchers every shown alert satisfies, Grafana's syntax
 * ({@code {alertname!="Watchdog", severity=~"critical|warning"}}, braces optional); a label the alert lacks is
 * empty, as in Alertmanager. A malformed filter throws {@link IllegalArgumentException} naming it.</li>
 * </ul>
 */
record AlertListOptions(Predicate<ActiveAlert> filter, Comparator<ActiveAlert> order, long maxItems) {

    private static final Set<AlertState> FIRING = EnumSet.of(AlertState.ACTIVE, AlertState.UNPROCESSED);
    private static final Comparator<ActiveAlert> TIES = Comparator
            .comparing((ActiveAlert a) -> a.alertname().toLowerCase(Locale.ROOT))
            .thenComparing(ActiveAlert::instance).thenComparing(ActiveAlert::fingerprint);
    private static final Comparator<ActiveAlert> ALPHA_ASC = TIES;
    private static final Comparator<ActiveAlert> TIME_ASC = Comparator.comparing(ActiveAlert::startsAt).thenComparing(TIES);
    private static final Comparator<ActiveAlert> WORST_OLDEST = Comparator.comparing(ActiveAlert::severity)
            .thenComparing(ActiveAlert::startsAt).thenComparing(TIES);
    private static final Comparator<ActiveAlert> IMPORTANCE = Comparator
            .comparingInt((ActiveAlert a) -> FIRING.contains(a.state()) ? 1 : 4).thenComparing(WORST_OLDEST);

    /** The panel's options (Grafana's JSON or OpsDeck's YAML, as plain maps, lists, strings and numbers). */
    static AlertListOptions of(Map<String, Object> options) {
        Predicate<ActiveAlert> filter = states(options.get("stateFilter"));
        String severity = String.valueOf(options.getOrDefault("severity", "")).toLowerCase(Locale.ROOT);
        if (!severity.isEmpty()) {
            Severity wanted = Severity.parse(severity);
            filter = filter.and(a -> a.severity() == wanted);
        }
        if ("firing".equals(String.valueOf(options.get("state")))) {
            filter = filter.and(ActiveAlert::unacknowledged);
        }
        String name = String.valueOf(options.getOrDefault("alertName", "")).toLowerCase(Locale.ROOT);
        if (!name.isEmpty()) {
            filter = filter.and(a -> a.alertname().toLowerCase(Locale.ROOT).contains(name));
        }
        String labelFilter = String.valueOf(options.getOrDefault("alertInstanceLabelFilter", "")).strip();
        if (!labelFilter.isEmpty()) {
            List<Matcher> matchers = matchers(labelFilter);
            filter = filter.and(a -> {
                Map<String, String> labels = labels(a);
                return matchers.stream().allMatch(m -> m.matches(labels));
            });
        }
        long max = options.get("maxItems") instanceof Number n && n.longValue() > 0 ? n.longValue() : Long.MAX_VALUE;
        return new AlertListOptions(filter, order(options.get("sortOrder")), max);
    }

    /** The alerts to show, in order. */
    List<ActiveAlert> apply(Collection<ActiveAlert> alerts) {
        return alerts.stream().filter(filter).sorted(order).limit(maxItems).toList();
    }

    /** {@code {a="b", c!~"d,e"}}: the matchers, split at commas outside quotes. */
    static List<Matcher> matchers(String filter) {
        String body = filter.startsWith("{") && filter.endsWith("}") ? filter.substring(1, filter.length() - 1) : filter;
        List<Matcher> out = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == ',' && !quoted) {
                add(out, part, filter);
                continue;
            }
            if (c == '"' && (i == 0 || body.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            part.append(c);
        }
        add(out, part, filter);
        return List.copyOf(out);
    }

    private static void add(List<Matcher> out, StringBuilder part, String filter) {
        String text = part.toString().strip();
        part.setLength(0);
        if (text.isEmpty()) {
            return;
        }
        try {
            Matcher m = Matcher.parse(text);
            m.matches(Map.of()); // compiles a regular expression now, so a bad one is named here, not on every alert
            out.add(m);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("alertInstanceLabelFilter '" + filter + "': " + e.getMessage(), e);
        }
    }

    /** The alert's labels, with name, severity and instance even when the feed gave no others (agent alerts). */
    private static Map<String, String> labels(ActiveAlert a) {
        Map<String, String> labels = new HashMap<>(a.labels());
        labels.putIfAbsent("alertname", a.alertname());
        labels.putIfAbsent("severity", a.severity().name().toLowerCase(Locale.ROOT));
        if (!a.instance().isEmpty()) {
            labels.putIfAbsent("instance", a.instance());
        }
        return labels;
    }

    private static Comparator<ActiveAlert> order(Object sortOrder) {
        int n = sortOrder instanceof Number num ? num.intValue()
                : sortOrder instanceof String s && s.strip().matches("[1-5]") ? Integer.parseInt(s.strip()) : 0;
        return switch (n) {
            case 1 -> ALPHA_ASC;
            case 2 -> ALPHA_ASC.reversed();
            case 3 -> IMPORTANCE;
            case 4 -> TIME_ASC;
            case 5 -> TIME_ASC.reversed();
            default -> WORST_OLDEST;
        };
    }

    /** Which Alertmanager states the {@code stateFilter} asks for; every alert when it asks nothing. */
    private static Predicate<ActiveAlert> states(Object stateFilter) {
        Set<AlertState> wanted = EnumSet.noneOf(AlertState.class);
        if (stateFilter instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                return a -> true;
            }
            m.forEach((k, v) -> {
                if (Boolean.TRUE.equals(v) || "true".equals(String.valueOf(v))) {
                    wanted.addAll(amStates(String.valueOf(k)));
                }
            });
        } else if (stateFilter instanceof List<?> l) {
            if (l.isEmpty()) {
                return a -> true;
            }
            l.forEach(s -> wanted.addAll(amStates(String.valueOf(s))));
        } else {
            return a -> true;
        }
        return a -> wanted.contains(a.state());
    }

    private static Set<AlertState> amStates(String grafanaState) {
        return switch (grafanaState.strip().toLowerCase(Locale.ROOT)) {
            case "firing", "alerting" -> FIRING;
            case "suppressed", "silenced", "inhibited" -> EnumSet.of(AlertState.SUPPRESSED);
            default -> Set.of(); // pending, recovering, nodata, normal, error, ok, ...: none in Alertmanager
        };
    }
}
