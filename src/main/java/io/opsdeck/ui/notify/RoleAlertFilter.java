package io.opsdeck.ui.notify;

import io.opsdeck.alertmanager.Alert;
import io.opsdeck.alerts.AlertRow;
import io.opsdeck.alerts.Filter;
import io.opsdeck.alerts.FilterException;
import io.opsdeck.console.ActiveAlert;
import io.opsdeck.console.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a new alert matches the current role's alert filter (its {@code default_filter}, e.g.
 * {@code team="dba"}), so a DBA console does not pop up and sound for the web team's alerts. Parsed once per
 * filter text; used on the FX thread only.
 */
final class RoleAlertFilter {

    private static final Logger LOG = LoggerFactory.getLogger(RoleAlertFilter.class);
    private String text;
    private Filter filter = Filter.ALL;

    /**
     * True when {@code alert} passes {@code role}'s filter at {@code now}, or when its labels are not known (a
     * notification from an agent that does not send them): better shown than lost.
     */
    boolean matches(Role role, ActiveAlert alert, Instant now) {
        Filter f = filterOf(role);
        if (f.text().isBlank() || alert.labels().isEmpty()) {
            return true;
        }
        Alert a = new Alert(alert.fingerprint(), alert.labels(), Map.of("summary", alert.summary()), alert.startsAt(),
                null, null, "", List.of(), null);
        return f.test(AlertRow.outsideSnapshot(alert.cluster(), a), now);
    }

    private Filter filterOf(Role role) {
        if (!role.defaultFilter().equals(text)) {
            text = role.defaultFilter();
            try {
                filter = Filter.parse(text);
            } catch (FilterException e) {
                // the config check reports it too; notifications must not go quiet over it
                LOG.warn("Role '{}': alert filter '{}' does not parse ({}); desktop notifications are not filtered",
                        role.name(), text, e.getMessage());
                filter = Filter.ALL;
            }
        }
        return filter;
    }
}
