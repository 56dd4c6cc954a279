package io.opsdeck.alerts;

/**
 * Told about every silence and acknowledgement OpsDeck makes, after Alertmanager accepted it; the audit log
 * implements it. Called on the acting thread; implementations should be quick and must not throw.
 */
@FunctionalInterface
public interface AlertActionListener {

    void onAction(AlertAction action);

    /** Ignores everything. */
    static AlertActionListener none() {
        return action -> { };
    }
}
