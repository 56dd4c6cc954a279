package io.opsdeck.ui.alerts;

import io.opsdeck.alertmanager.AlertmanagerFleet;
import io.opsdeck.alerts.Acknowledger;
import io.opsdeck.alerts.AlertWorkspace;
import io.opsdeck.alerts.DetailOptions;
import io.opsdeck.alerts.Silencer;
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
                             DetailOptions details, String operator, Clock clock) {

    public AlertsServices {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(acknowledger, "acknowledger");
        Objects.requireNonNull(silencer, "silencer");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(clock, "clock");
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
        return live.fleet().map(f -> of(f, live.operator(), Clock.systemDefaultZone()))
                .map(s -> s.withDetails(s.details().withDashboardsByRole(dashboards))).orElse(null);
    }

    /** The same services with other detail options. */
    public AlertsServices withDetails(DetailOptions options) {
        return new AlertsServices(workspace, acknowledger, silencer, options, operator, clock);
    }

    /** Defaults of the alerts package (refresh every 10 s unless the workspace says otherwise, ACK for 15 min). */
    public static AlertsServices of(AlertmanagerFleet fleet, String operator, Clock clock) {
        return new AlertsServices(AlertWorkspace.builder(fleet).clock(clock).build(),
                Acknowledger.builder(fleet).operator(operator).clock(clock).build(),
                Silencer.builder(fleet).clock(clock).build(), DetailOptions.defaults(), operator, clock);
    }
}
