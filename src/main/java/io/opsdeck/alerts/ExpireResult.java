package io.opsdeck.alerts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an expiry of several silences did: one failing cluster does not stop the others.
 *
 * @param failures the silences that could not be expired, with the reason
 */
public record ExpireResult(List<SilenceId> expired, Map<SilenceId, String> failures) {

    public ExpireResult {
        expired = List.copyOf(expired);
        failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
    }

    public boolean complete() {
        return failures.isEmpty();
    }
}
