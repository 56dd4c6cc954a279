package io.opsdeck.ui.dashboard;

import io.opsdeck.console.DashboardSummary;
import io.opsdeck.console.DashboardVariable;
import io.opsdeck.console.RefreshInterval;
import io.opsdeck.console.TimeRange;
import io.opsdeck.ui.shell.DashboardContext;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** A Prometheus rule file holding {@code yaml}, deleted when the JVM exits: for a stack built in a static field. */
    static Path ruleFile(String yaml) {
        try {
            Path file = Files.createTempFile("rules", ".yml");
            Files.writeString(file, yaml);
            file.toFile().deleteOnExit();
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code dir/ID.json}, a Grafana dashboard with one query variable, {@code label_values(METRIC, LABEL)}
     * (All and multi), and one time series panel (id 1) of {@code METRIC{LABEL=~"$LABEL"}}.
     */
    static void writeOneVariableDashboard(Path dir, String id, String metric, String label) throws java.io.IOException {
        Files.writeString(dir.resolve(id + ".json"), """
                {"uid": "%1$s", "title": "%1$s",
                 "templating": {"list": [{"name": "%3$s", "type": "query", "query": "label_values(%2$s, %3$s)",
                   "includeAll": true, "multi": true, "current": {"text": "All", "value": "$__all"}}]},
                 "panels": [{"id": 1, "type": "timeseries", "title": "%1$s", "gridPos": {"x": 0, "y": 0, "w": 24, "h": 8},
                   "targets": [{"expr": "%2$s{%3$s=~\\"$%3$s\\"}", "refId": "A"}]}]}
                """.formatted(id, metric, label));
    }
}
