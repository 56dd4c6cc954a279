package io.opsdeck.notify;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;

/**
 * A route: when every matcher ({@code severity="critical"}, {@code team!=db}, {@code instance=~"web-.*"},
 * {@code job!~"node|app"}) matches an alert, it goes to {@code channels} (team channels) and to each of
 * {@code recipients} on their own channels. Routes are tried in order; the first match wins unless it says
 * {@code continue: true}. {@code escalation} names a policy for unacknowledged criticals;
 * {@code repeatInterval} overrides the global repeat suppression.
 */
public record RouteSettings(
        String name,
        List<String> matchers,
        List<String> channels,
        List<String> recipients,
        @JsonProperty("continue") Boolean continueMatching,
        String escalation,
        Duration repeatInterval) {

    public RouteSettings {
        matchers = matchers == null ? List.of() : List.copyOf(matchers);
        channels = channels == null ? List.of() : List.copyOf(channels);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        continueMatching = continueMatching != null && continueMatching;
        name = name == null ? String.join(",", matchers) : name;
    }
}
