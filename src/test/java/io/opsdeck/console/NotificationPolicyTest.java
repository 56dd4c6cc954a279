package io.opsdeck.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationPolicyTest {

    private static final NotificationPrefs CRITICAL_ONLY = new NotificationPrefs(EnumSet.of(Severity.CRITICAL), EnumSet.noneOf(Severity.class));
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static ActiveAlert alert(String fp, Severity s, AlertState state) {
        return new ActiveAlert(fp, "A" + fp, s, "web-1", "summary", T, state);
    }

    @Test
    void onlyNewUnacknowledgedAlertsOfTheRolesSeveritiesNotify() {
        NotificationPolicy policy = new NotificationPolicy();
        assertThat(policy.newAlerts(List.of(alert("old", Severity.CRITICAL, AlertState.ACTIVE)), CRITICAL_ONLY)).isEmpty();
        List<ActiveAlert> next = List.of(
                alert("old", Severity.CRITICAL, AlertState.ACTIVE),
                alert("new-crit", Severity.CRITICAL, AlertState.ACTIVE),
                alert("new-warn", Severity.WARNING, AlertState.ACTIVE),
                alert("silenced", Severity.CRITICAL, AlertState.SUPPRESSED));
        assertThat(policy.newAlerts(next, CRITICAL_ONLY)).extracting(ActiveAlert::fingerprint).containsExactly("new-crit");
        assertThat(policy.newAlerts(next, CRITICAL_ONLY)).isEmpty();
    }

    @Test
    void anAlertThatResolvedAndFiresAgainNotifiesAgain() {
        NotificationPolicy policy = new NotificationPolicy();
        policy.newAlerts(List.of(), CRITICAL_ONLY);
        assertThat(policy.newAlerts(List.of(alert("x", Severity.CRITICAL, AlertState.ACTIVE)), CRITICAL_ONLY)).hasSize(1);
        policy.newAlerts(List.of(), CRITICAL_ONLY);
        assertThat(policy.newAlerts(List.of(alert("x", Severity.CRITICAL, AlertState.ACTIVE)), CRITICAL_ONLY)).hasSize(1);
    }

    @Test
    void severityLabelsParseLeniently() {
        assertThat(Severity.parse("page")).isEqualTo(Severity.CRITICAL);
        assertThat(Severity.parse("Warning")).isEqualTo(Severity.WARNING);
        assertThat(Severity.parse(null)).isEqualTo(Severity.INFO);
    }
}
