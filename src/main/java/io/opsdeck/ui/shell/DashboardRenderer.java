package io.opsdeck.ui.shell;

import io.opsdeck.console.DashboardSummary;
import javafx.scene.Node;

/**
 * The seam the dashboards UI plugs into: turns a dashboard into its panels. Called on the FX thread; must not
 * block (query through the TaskRunner and fill in later). Until then {@link PlaceholderRenderer} says so plainly.
 */
@FunctionalInterface
public interface DashboardRenderer {

    Node render(DashboardSummary dashboard, DashboardContext context);
}
