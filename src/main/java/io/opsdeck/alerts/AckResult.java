package io.opsdeck.alerts;

import io.opsdeck.alertmanager.Matcher;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an acknowledgement created: one silence per cluster.
 *
 * @param silenceIds the new silence's id by cluster
 * @param matchers   the silence's matchers by cluster
 * @param failures   clusters where creating it failed, with the reason (the others keep their silence)
 */
public record AckResult(Map<String, String> silenceIds, Map<String, List<Matcher>> matchers,
                        Map<String, String> failures, String comment, Instant endsAt) {

    public AckResult {
        silenceIds = Collections.unmodifiableMap(new LinkedHashMap<>(silenceIds));
        matchers = Collections.unmodifiableMap(new LinkedHashMap<>(matchers));
        failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
    }

    public boolean complete() {
        return failures.isEmpty();
    }
}
