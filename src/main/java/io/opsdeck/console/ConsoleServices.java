package io.opsdeck.console;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the console needs from the rest of OpsDeck: the one bundle the composition root takes.
 * {@code io.opsdeck.console.live.LiveConsole} builds the real one from the configuration; tests build in-memory
 * ones.
 *
 * <pre>{@code
 * ConsoleServices services = new ConsoleServices(roles, dashboards, hosts, health, alerts,
 *         JsonFilePreferences.open(JsonFilePreferences.defaultPath()), settings,
 *         ConsoleServices.defaultTester(clock), ConsoleServices.defaultSecretStore(), clock);
 * }</pre>
 *
 * @param roles            the role selector's roles
 * @param dashboards       every dashboard (ids, titles, tags, variables)
 * @param hosts            hosts for quick-open
 * @param sourceHealth     health of each source and the agent, for the status bar and stale banners
 * @param alerts           current alerts, for the wall banner, tray counts and notifications
 * @param preferences      last role, theme, mute
 * @param sourceSettings   configured sources, edited by the Settings view
 * @param connectionTester the Settings view's "Test connection"
 * @param secretStore      where typed secrets go
 * @param clock            all ages and staleness are measured with it
 * @param agentNotifications desktop notifications streamed from the agent ({@link AgentNotificationFeed#NONE} without one)
 * @param remediation      the agent's remediation; empty when no agent is configured
 * @param history          the agent's notification and alert history ({@link AgentHistory#none()} without an agent)
 */
public record ConsoleServices(RoleCatalogue roles, DashboardCatalogue dashboards, HostDirectory hosts,
                              SourceHealthFeed sourceHealth, AlertFeed alerts, ConsolePreferences preferences,
                              SourceSettingsStore sourceSettings, ConnectionTester connectionTester,
                              SecretStore secretStore, Clock clock, AgentNotificationFeed agentNotifications,
                              java.util.Optional<RemediationService> remediation, AgentHistory history) {

    /** Services without an agent: no notification stream or history, and the Remediation view says none is configured. */
    public ConsoleServices(RoleCatalogue roles, DashboardCatalogue dashboards, HostDirectory hosts,
                           SourceHealthFeed sourceHealth, AlertFeed alerts, ConsolePreferences preferences,
                           SourceSettingsStore sourceSettings, ConnectionTester connectionTester,
                           SecretStore secretStore, Clock clock) {
        this(roles, dashboards, hosts, sourceHealth, alerts, preferences, sourceSettings, connectionTester, secretStore, clock,
                AgentNotificationFeed.NONE, java.util.Optional.empty(), AgentHistory.none());
    }

    public ConsoleServices {
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(dashboards, "dashboards");
        Objects.requireNonNull(hosts, "hosts");
        Objects.requireNonNull(sourceHealth, "sourceHealth");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(preferences, "preferences");
        Objects.requireNonNull(sourceSettings, "sourceSettings");
        Objects.requireNonNull(connectionTester, "connectionTester");
        Objects.requireNonNull(secretStore, "secretStore");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(agentNotifications, "agentNotifications");
        Objects.requireNonNull(remediation, "remediation");
        Objects.requireNonNull(history, "history");
    }

    /** The same services with {@code value} as the agent's remediation. */
    public ConsoleServices withRemediation(RemediationService value) {
        return new ConsoleServices(roles, dashboards, hosts, sourceHealth, alerts, preferences, sourceSettings,
                connectionTester, secretStore, clock, agentNotifications, java.util.Optional.of(value), history);
    }

    /** The same services with the agent's history. */
    public ConsoleServices withHistory(AgentHistory value) {
        return new ConsoleServices(roles, dashboards, hosts, sourceHealth, alerts, preferences, sourceSettings,
                connectionTester, secretStore, clock, agentNotifications, remediation, value);
    }

    /** Asks {@code /-/ready} with a 5 s timeout. */
    public static ConnectionTester defaultTester(Clock clock) {
        return new ReadyEndpointTester(Duration.ofSeconds(5), clock);
    }

    /** Private files under {@code ~/.config/opsdeck/secrets}, or the desktop's Secret Service when it answers. */
    public static SecretStore defaultSecretStore() {
        return new FileSecretStore(JsonFilePreferences.defaultPath().getParent().resolve("secrets"),
                new io.opsdeck.util.SecretServiceKeyring(System.getenv(), Duration.ofSeconds(10)));
    }

    /** Secrets under {@code dir}: for tests. */
    public static SecretStore secretStoreIn(Path dir) {
        return new FileSecretStore(dir);
    }
}
