package io.opsdeck.alertmanager;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Filters for {@code GET /api/v2/alerts} and {@code /alerts/groups}. A {@code null} flag leaves Alertmanager's
 * default, which is {@code true} for all four: everything is listed.
 *
 * <pre>{@code
 * AlertQuery q = AlertQuery.all().withSilenced(false).withInhibited(false).withFilter(List.of(Matcher.parse("severity=crit")));
 * }</pre>
 *
 * @param filter   matchers every listed alert satisfies
 * @param receiver regular expression on receiver names, or {@code null}
 */
public record AlertQuery(Boolean active, Boolean silenced, Boolean inhibited, Boolean unprocessed,
                         List<Matcher> filter, String receiver) {

    public AlertQuery {
        filter = filter == null ? List.of() : List.copyOf(filter);
    }

    /** No filter: Alertmanager's defaults. */
    public static AlertQuery all() {
        return new AlertQuery(null, null, null, null, List.of(), null);
    }

    /** Only alerts that are neither silenced nor inhibited, like {@code amtool alert query}. */
    public static AlertQuery activeOnly() {
        return all().withSilenced(false).withInhibited(false);
    }

    /** Only silenced or inhibited alerts. */
    public static AlertQuery suppressedOnly() {
        return all().withActive(false).withUnprocessed(false);
    }

    public AlertQuery withActive(Boolean value) {
        return new AlertQuery(value, silenced, inhibited, unprocessed, filter, receiver);
    }

    public AlertQuery withSilenced(Boolean value) {
        return new AlertQuery(active, value, inhibited, unprocessed, filter, receiver);
    }

    public AlertQuery withInhibited(Boolean value) {
        return new AlertQuery(active, silenced, value, unprocessed, filter, receiver);
    }

    public AlertQuery withUnprocessed(Boolean value) {
        return new AlertQuery(active, silenced, inhibited, value, filter, receiver);
    }

    public AlertQuery withFilter(List<Matcher> value) {
        return new AlertQuery(active, silenced, inhibited, unprocessed, value, receiver);
    }

    public AlertQuery withReceiver(String regex) {
        return new AlertQuery(active, silenced, inhibited, unprocessed, filter, regex);
    }

    /** The query string as name/value pairs, repeated names allowed, in Alertmanager's parameter names. */
    List<Map.Entry<String, String>> parameters() {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        flag(params, "active", active);
        flag(params, "silenced", silenced);
        flag(params, "inhibited", inhibited);
        flag(params, "unprocessed", unprocessed);
        filter.forEach(m -> params.add(Map.entry("filter", m.toString())));
        if (receiver != null) {
            params.add(Map.entry("receiver", receiver));
        }
        return params;
    }

    private static void flag(List<Map.Entry<String, String>> params, String name, Boolean value) {
        if (value != null) {
            params.add(Map.entry(name, value.toString()));
        }
    }
}
