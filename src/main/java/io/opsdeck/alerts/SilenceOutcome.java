package io.opsdeck.alerts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What saving a silence draft did.
 *
 * @param ids        the silence id by cluster (for an edit: the surviving id)
 * @param failures   clusters where it failed, with the reason
 * @param replacedId for an edit that changed matchers: the old id Alertmanager expired; otherwise {@code null}
 * @param message    one sentence for the user, saying when a new silence replaced the edited one
 */
public record SilenceOutcome(Map<String, String> ids, Map<String, String> failures, String replacedId,
                             String message) {

    public SilenceOutcome {
        ids = Collections.unmodifiableMap(new LinkedHashMap<>(ids));
        failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
    }

    public boolean complete() {
        return failures.isEmpty();
    }

    public boolean replaced() {
        return replacedId != null;
    }
}
