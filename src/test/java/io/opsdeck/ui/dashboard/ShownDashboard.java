package io.opsdeck.ui.dashboard;

import io.opsdeck.console.DashboardSummary;
import io.opsdeck.console.DashboardVariable;
import io.opsdeck.console.RefreshInterval;
import io.opsdeck.console.TimeRange;
import io.opsdeck.ui.shell.DashboardContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.testfx.api.FxToolkit;

/** A live dashboard shown in the primary stage as the shell shows one: the last 5 minutes, 30 s refresh, fresh. */
final class ShownDashboard {

    private ShownDashboard() {
    }

    /**
     * The shell's side of a shown dashboard: its variables bar {@code bar} and refresh tick {@code refreshed}
     * (set it to refresh); {@code fitHeight} as on a wall.
     */
    static DashboardContext context(ObservableList<DashboardVariable> bar, ObjectProperty<Instant> refreshed,
                                    boolean fitHeight) {
        return new DashboardContext(new SimpleObjectProperty<>(TimeRange.last(Duration.ofMinutes(5))),
                new SimpleObjectProperty<>(RefreshInterval.S30), bar, new SimpleBooleanProperty(false), refreshed,
                fitHeight);
    }

    /** Renders dashboard {@code id} into the primary stage (1000 x 600) and returns its view model. */
    static DashboardViewModel show(LiveDashboardRenderer renderer, String id, DashboardContext context)
            throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new StackPane(renderer.render(new DashboardSummary(id, id, Set.of()), context)),
                    1000, 600));
            stage.show();
        });
        return renderer.lastViewModel();
    }
}
