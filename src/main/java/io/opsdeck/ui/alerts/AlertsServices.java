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

    /** The services over a live console's fleet and operator; null when it has no Alertmanager configured. */
    public static AlertsServices forConsole(io.opsdeck.console.live.LiveConsole live) {
        return live.fleet().map(f -> of(f, live.operator(), Clock.systemDefaultZone(), live.alertActions())).orElse(null);
    }

    /** Defaults of the alerts package (refresh every 10 s unless the workspace says otherwise, ACK for 15 min). */
    public static AlertsServices of(AlertmanagerFleet fleet, String operator, Clock clock) {
        return of(fleet, operator, clock, io.opsdeck.alerts.AlertActionListener.none());
    }

    /** As {@link #of(AlertmanagerFleet, String, Clock)}, every acknowledgement and silence told to {@code actions} (the audit log). */
    public static AlertsServices of(AlertmanagerFleet fleet, String operator, Clock clock, io.opsdeck.alerts.AlertActionListener actions) {
        return new AlertsServices(AlertWorkspace.builder(fleet).clock(clock).build(),
                Acknowledger.builder(fleet).operator(operator).clock(clock).listener(actions).build(),
                Silencer.builder(fleet).clock(clock).listener(actions).build(), DetailOptions.defaults(), operator, clock);
    }
}
