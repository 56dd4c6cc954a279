package io.opsdeck.ui.panels;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.console.ActiveAlert;
import io.opsdeck.console.AlertState;
import io.opsdeck.console.Severity;
import io.opsdeck.dashboard.Dashboards;
import io.opsdeck.dashboard.DatasourceResolver;
import io.opsdeck.dashboard.Panel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Executive dashboard's alert list leaves out Watchdog (always firing by design), as its counts do; it listed it
 * as an info alert on every screenshot. The shipped executive.yaml's options, applied as the panel applies them.
 */
class ExecutiveAlertListTest {

    private static final Path FILE = Path.of(System.getProperty("user.dir"), "dashboards", "executive.yaml");

    private static ActiveAlert alert(String name, Severity severity, String instance) {
        return new ActiveAlert(name + instance, name, severity, instance, "", Instant.parse("2026-03-02T12:00:00Z"),
                AlertState.ACTIVE, "", Map.of("alertname", name, "severity", severity.name().toLowerCase(),
                        "instance", instance));
    }

    @Test
    void theExecutiveAlertListShowsFiringAlertsButNotWatchdog() {
        Panel list = Dashboards.load(FILE, DatasourceResolver.single("local")).queryPanels().stream()
                .filter(p -> p.type().equals("alertlist")).findFirst().orElseThrow();
        List<ActiveAlert> shown = AlertListOptions.of(list.options()).apply(List.of(
                alert("Watchdog", Severity.INFO, ""), alert("HostDown", Severity.CRITICAL, "web-6"),
                alert("RedisRestarted", Severity.INFO, "db-1")));
        assertThat(shown).extracting(ActiveAlert::alertname).containsExactly("HostDown", "RedisRestarted");
    }
}
