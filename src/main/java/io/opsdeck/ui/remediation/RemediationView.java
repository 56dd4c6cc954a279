package io.opsdeck.ui.remediation;

import io.opsdeck.ui.common.Activation;
import io.opsdeck.ui.common.Messages;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The Remediation section: pending approvals, running actions, history and the automation toggles, over
 * {@link RemediationViewModel}. Refreshes every {@link #REFRESH_SECONDS} s and counts down every second, only while
 * shown. Without an agent it says so plainly.
 */
public final class RemediationView extends BorderPane {

    /** How often the agent is asked while the view is shown. */
    public static final int REFRESH_SECONDS = 3;

    public RemediationView(RemediationViewModel vm, Messages messages) {
        setId("remediation-view");
        Label title = new Label(messages.get("nav.remediation"), new FontIcon(Material2AL.BUILD));
        title.getStyleClass().add("section-title");
        if (!vm.available()) {
            Label none = new Label(messages.get("remediation.noAgent"));
            none.setId("remediation-no-agent");
            none.getStyleClass().add("placeholder-text");
            none.setWrapText(true);
            VBox box = new VBox(12, title, none);
            box.getStyleClass().add("content-area");
            setCenter(box);
            return;
        }
        Label agent = new Label(vm.agentName());
        agent.getStyleClass().add("text-muted");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button refresh = new Button(messages.get("remediation.refresh"));
        refresh.setId("remediation-refresh");
        refresh.setOnAction(e -> vm.refresh());
        HBox head = new HBox(10, title, agent, grow, refresh);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label message = status("remediation-message", vm.messageProperty());
        Label error = status("remediation-error", vm.errorProperty());
        error.getStyleClass().add("severity-critical");
        VBox top = new VBox(6, head, message, error);
        top.setPadding(new Insets(12, 12, 6, 12));
        setTop(top);

        Tab pending = new Tab("", new PendingPane(vm, messages));
        pending.textProperty().bind(Bindings.createStringBinding(() -> messages.format("remediation.tab.pending",
                vm.pending().size()), vm.pending()));
        pending.setId("tab-pending");
        Tab running = new Tab("", new RunningPane(vm, messages));
        running.textProperty().bind(Bindings.createStringBinding(() -> messages.format("remediation.tab.running",
                vm.running().size()), vm.running()));
        running.setId("tab-running");
        Tab history = new Tab(messages.get("remediation.tab.history"), new HistoryPane(vm, messages));
        history.setId("tab-history");
        Tab toggles = new Tab(messages.get("remediation.tab.automation"), new TogglesPane(vm, messages));
        toggles.setId("tab-automation");
        TabPane tabs = new TabPane(pending, running, history, toggles);
        tabs.setId("remediation-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);

        int[] seconds = {0};
        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            vm.tick();
            if (++seconds[0] % REFRESH_SECONDS == 0) {
                vm.refresh();
            }
        }));
        ticker.setCycleCount(Timeline.INDEFINITE);
        Activation.whileShowing(this, () -> {
            vm.activate();
            ticker.play();
        }, () -> {
            ticker.stop();
            vm.deactivate();
        });
    }

    private static Label status(String id, javafx.beans.property.ReadOnlyStringProperty text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMnemonicParsing(false);
        l.textProperty().bind(text);
        l.visibleProperty().bind(text.isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }
}
