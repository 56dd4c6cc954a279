package io.opsdeck.ui;

import io.opsdeck.console.ActiveAlert;
import io.opsdeck.console.AlertState;
import io.opsdeck.console.ConsolePreferences;
import io.opsdeck.console.ConsoleServices;
import io.opsdeck.console.ConnectionTester;
import io.opsdeck.console.InMemoryAlertFeed;
import io.opsdeck.console.InMemoryPreferences;
import io.opsdeck.console.InMemorySourceHealthFeed;
import io.opsdeck.console.InMemorySourceSettingsStore;
import io.opsdeck.console.ListDashboardCatalogue;
import io.opsdeck.console.ListRoleCatalogue;
import io.opsdeck.console.SampleConsole;
import io.opsdeck.console.SecretStore;
import io.opsdeck.console.Severity;
import io.opsdeck.console.SourceHealth;
import io.opsdeck.console.SourceKind;
import io.opsdeck.console.TestClock;
import java.time.Duration;
import java.util.List;

/** In-memory services around the sample catalogue, with handles tests drive. */
public final class Fixtures {

    public final TestClock clock = TestClock.at("2026-11-22T03:00:00Z");
    public final InMemorySourceHealthFeed health = new InMemorySourceHealthFeed(List.of(
            new SourceHealth("prometheus", SourceKind.PROMETHEUS, clock.instant(), null),
            new SourceHealth("alertmanager", SourceKind.ALERTMANAGER, clock.instant(), null),
            new SourceHealth("agent", SourceKind.AGENT, clock.instant(), null)));
    public final InMemoryAlertFeed alerts = new InMemoryAlertFeed(List.of());
    public final ConsolePreferences preferences;
    public final InMemorySourceSettingsStore settings = new InMemorySourceSettingsStore(List.of());
    public final ConsoleServices services;

    public Fixtures() {
        this(new InMemoryPreferences(), (s) -> io.opsdeck.console.ConnectionTestResult.ok("fake", Duration.ZERO),
                ConsoleServices.secretStoreIn(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "opsdeck-test-secrets")));
    }

    public Fixtures(ConsolePreferences preferences, ConnectionTester tester, SecretStore secrets) {
        this.preferences = preferences;
        this.services = new ConsoleServices(new ListRoleCatalogue(SampleConsole.builtInRoles()),
                new ListDashboardCatalogue(SampleConsole.sampleDashboards()), () -> List.of("db-1", "web-1"),
                health, alerts, preferences, settings, tester, secrets, clock);
    }

    public static ActiveAlert alert(String fingerprint, Severity severity, String instance, java.time.Instant startsAt) {
        return new ActiveAlert(fingerprint, "Alert" + fingerprint, severity, instance, "summary of " + fingerprint,
                startsAt, AlertState.ACTIVE);
    }
}
