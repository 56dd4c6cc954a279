package io.opsdeck.ui.alerts;

import io.opsdeck.alertmanager.AlertmanagerFleet;
import io.opsdeck.alerts.Acknowledger;
import io.opsdeck.alerts.AlertWorkspace;
import io.opsdeck.alerts.DetailOptions;
import io.opsdeck.alerts.Silencer;
import io.opsdeck.console.AlertHistory;
import java.time.Clock;
import java.util.Objects;

/**
 * What the Alerts and Silences workspaces work on: one workspace over the fleet, the acknowledger and silencer
 * acting as the operator. Built once in the composition root; the fleet is owned (and closed) by the caller.
 *
 * <pre>{@code
 * AlertsServices alerts = AlertsServices.of(live.fleet().orElseThrow(), live.operator(), Clock.systemDefaultZone());
 * }</pre>
 */
public record AlertsServices(AlertWorkspace workspace, Acknowledger acknowledger, Silencer silencer,
                             DetailOptions details, String operator, Clock clock, AlertHistory history) {

    /** Without the agent's alert history. */
    public AlertsServices(AlertWorkspace workspace, Acknowledger acknowledger, Silencer silencer,
                          DetailOptions details, String operator, Clock clock) {
        this(workspace, acknowledger, silencer, details, operator, clock, AlertHistory.none());
    }

    public AlertsServices {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(acknowledger, "acknowledger");
        Objects.requireNonNull(silencer, "silencer");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(history, "history");
    }

    /**
     * Dashboard per {@code role} label of the shipped rules and dashboards, for alerts without a {@code dashboard}
     * annotation; the detail pane opens it with {@code instance} set.
     */
    public static final java.util.Map<String, String> SHIPPED_ROLE_DASHBOARDS =
            java.util.Map.of("web", "devops", "db", "dba", "ml", "mlops");

    /**
     * The services over a live console's fleet and operator; null when it has no Alertmanager configured. Alerts
     * map to the shipped role dashboards that the console's catalogue has.
     */
    public static AlertsServices forConsole(io.opsdeck.console.live.LiveConsole live) {
        java.util.Map<String, String> dashboards = new java.util.HashMap<>();
        SHIPPED_ROLE_DASHBOARDS.forEach((role, id) -> {
            if (live.services().dashboards().find(id).isPresent()) {
                dashboards.put(role, id);
            }
        });
        return live.fleet().map(f -> of(f, live.operator(), Clock.systemDefaultZone(), live.services().history().alerts(),
                live.alertActions(), live.alertFeed()::fetch)).map(s -> s.withDetails(s.details().withDashboardsByRole(dashboards)))
                .orElse(null);
    }

    /** The same services with other detail options. */
    public AlertsServices withDetails(DetailOptions options) {
        return new AlertsServices(workspace, acknowledger, silencer, options, operator, clock, history);
    }

    /**
     * As {@link #of(AlertmanagerFleet, String, Clock)}, with recently resolved alerts and per-alert history from the
     * agent; its resolved alerts are in the cluster whose source is the Alertmanager the agent recorded, else in
     * {@link io.opsdeck.alerts.ResolvedAlert#UNKNOWN_CLUSTER}.
     */
    public static AlertsServices of(AlertmanagerFleet fleet, String operator, Clock clock, AlertHistory history) {
        return of(fleet, operator, clock, history, io.opsdeck.alerts.AlertActionListener.none());
    }

    /** As {@link #of(AlertmanagerFleet, String, Clock)}, every acknowledgement and silence told to {@code actions} (the audit log). */
    public static AlertsServices of(AlertmanagerFleet fleet, String operator, Clock clock, io.opsdeck.alerts.AlertActionListener actions) {
        return new AlertsServices(AlertWorkspace.builder(fleet).clock(clock).build(),
                Acknowledger.builder(fleet).operator(operator).clock(clock).listener(actions).build(),
                Silencer.builder(fleet).clock(clock).listener(actions).build(), DetailOptions.defaults(), operator, clock);
    }

    /** The agent's history and the audit listener together, as the live console uses them. */
    public static AlertsServices of(AlertmanagerFleet fleet, String operator, Clock clock, AlertHistory history,
                                    io.opsdeck.alerts.AlertActionListener actions) {
        return of(fleet, operator, clock, history, actions, () -> fleet.alerts(io.opsdeck.alertmanager.AlertQuery.all()));
    }

    /**
     * As above, the workspace's alerts fetched through {@code alerts} (the live console's alert feed, so the list and
     * the top bar's counts come from one answer).
     */
    public static AlertsServices of(AlertmanagerFleet fleet, String operator, Clock clock, AlertHistory history,
                                    io.opsdeck.alerts.AlertActionListener actions,
                                    java.util.function.Supplier<io.opsdeck.alertmanager.FleetSnapshot> alerts) {
        AgentResolvedAlerts resolved = new AgentResolvedAlerts(history, AgentResolvedAlerts.clustersByUrl(fleet));
        return new AlertsServices(AlertWorkspace.builder(fleet).clock(clock).history(resolved).alertSource(alerts).build(),
                Acknowledger.builder(fleet).operator(operator).clock(clock).listener(actions).build(),
                Silencer.builder(fleet).clock(clock).listener(actions).build(), DetailOptions.defaults(), operator, clock, resolved);
    }

    /** Defaults of the alerts package (refresh every 10 s unless the workspace says otherwise, ACK for 15 min). */
    public static AlertsServices of(AlertmanagerFleet fleet, String operator, Clock clock) {
        return of(fleet, operator, clock, io.opsdeck.alerts.AlertActionListener.none());
    }

}
