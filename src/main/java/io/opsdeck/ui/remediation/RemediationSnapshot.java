package io.opsdeck.ui.remediation;

import io.opsdeck.console.RemediationItem;
import java.util.List;
import java.util.Map;

/** One refresh of the Remediation view: everything fetched together so the tabs never disagree. */
record RemediationSnapshot(List<RemediationItem> pending, List<RemediationItem> running, List<RemediationItem> history,
                           Map<String, Boolean> toggles) {

    RemediationSnapshot {
        pending = List.copyOf(pending);
        running = List.copyOf(running);
        history = List.copyOf(history);
        toggles = Map.copyOf(toggles);
    }
}
