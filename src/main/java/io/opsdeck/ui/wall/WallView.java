package io.opsdeck.ui.wall;

import io.opsdeck.console.Severity;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.SeverityIcons;
import io.opsdeck.ui.shell.DashboardContext;
import io.opsdeck.ui.shell.DashboardRenderer;
import io.opsdeck.ui.shell.StatusViewModel;
import io.opsdeck.console.RefreshInterval;
import io.opsdeck.console.TimeRange;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * One wall screen: the current slide's dashboard, the critical-alert banner, the stale-data banner and a
 * footer. All sizes are in em, so binding the root font size to the window height scales everything.
 */
public final class WallView extends BorderPane {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final Label clockLabel = new Label();
    private final Clock clock;
    private final FontIcon bannerIcon = SeverityIcons.icon(Severity.CRITICAL);
    private final FontIcon staleIcon = new FontIcon(Material2MZ.SYNC_PROBLEM);

    public WallView(WallViewModel vm, StatusViewModel status, DashboardRenderer renderer,
                    javafx.beans.value.ObservableValue<java.time.Instant> refreshed, Clock clock, Messages messages) {
        this.clock = clock;
        setId("wall");
        getStyleClass().add("wall-root");

        Label title = new Label();
        title.setId("wall-title");
        title.getStyleClass().add("wall-title");
        title.textProperty().bind(vm.slideProperty().map(s -> s.dashboard().title()));
        Label position = new Label();
        position.setId("wall-position");
        position.getStyleClass().add("wall-position");
        position.textProperty().bind(vm.positionProperty());
        clockLabel.getStyleClass().add("wall-clock");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(title, grow, position, clockLabel);
        header.getStyleClass().add("wall-header");
        header.setAlignment(Pos.CENTER_LEFT);

        Label bannerTitle = new Label();
        bannerTitle.getStyleClass().add("banner-title");
        bannerTitle.setId("wall-banner-title");
        Label bannerSummary = new Label();
        bannerSummary.setWrapText(true);
        bannerSummary.setId("wall-banner-summary");
        bannerSummary.getStyleClass().add("banner-summary");
        Label bannerDetail = new Label();
        bannerDetail.textProperty().bind(vm.bannerDetailProperty());
        bannerDetail.setId("wall-banner-detail");
        bannerDetail.getStyleClass().add("banner-detail");
        vm.bannerProperty().addListener((o, a, alert) -> {
            bannerTitle.setText(alert == null ? "" : messages.format("wall.bannerTitle", alert.alertname()));
            bannerSummary.setText(alert == null ? "" : alert.summary());
        });
        Button ack = new Button(messages.get("wall.acknowledge"));
        ack.setId("wall-ack");
        ack.setOnAction(e -> vm.acknowledge());
        VBox bannerText = new VBox(0.2 * 16, bannerTitle, bannerSummary, bannerDetail);
        HBox.setHgrow(bannerText, Priority.ALWAYS);
        HBox banner = new HBox(bannerIcon, bannerText, ack);
        banner.setId("wall-banner");
        banner.getStyleClass().add("wall-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.visibleProperty().bind(vm.bannerProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());

        Label staleText = new Label();
        staleText.setWrapText(true);
        staleText.textProperty().bind(status.staleSummaryProperty());
        HBox stale = new HBox(staleIcon, staleText);
        stale.setId("wall-stale-banner");
        stale.getStyleClass().add("wall-stale-banner");
        stale.setAlignment(Pos.CENTER_LEFT);
        stale.visibleProperty().bind(status.dataStaleProperty());
        stale.managedProperty().bind(stale.visibleProperty());

        StackPane canvas = new StackPane();
        canvas.setAlignment(Pos.TOP_LEFT);
        DashboardContext context = new DashboardContext(new SimpleObjectProperty<>(TimeRange.PRESETS.get(2)),
                new SimpleObjectProperty<>(RefreshInterval.S30), FXCollections.observableArrayList(), status.dashboardDataStaleProperty(),
                refreshed, true);
        Runnable render = () -> canvas.getChildren().setAll(renderer.render(vm.slideProperty().get().dashboard(), context));
        vm.slideProperty().addListener((o, a, b) -> render.run());
        render.run();
        VBox.setVgrow(canvas, Priority.ALWAYS);
        VBox body = new VBox(banner, stale, canvas);
        body.getStyleClass().add("wall-body");

        Label hint = new Label(messages.get("wall.exitHint"));
        HBox footer = new HBox(hint);
        footer.getStyleClass().add("wall-footer");

        setTop(header);
        setCenter(body);
        setBottom(footer);
        tickClock();
    }

    /** Updates the wall clock; the window's ticker calls it. */
    void tickClock() {
        clockLabel.setText(CLOCK.format(clock.instant().atZone(clock.getZone())));
    }

    /** Scales every em-based size with the window height (1080 px high gives 18 px text). */
    void scaleWith(javafx.beans.value.ObservableNumberValue height) {
        // Set, not bound: stylesheets set -fx-icon-size too, and CSS complains on every state change about a bound
        // property. Code beats the theme's user-agent rules; opsdeck.css's .severity-icon size would beat code.
        bannerIcon.getStyleClass().remove("severity-icon");
        javafx.beans.InvalidationListener size = o -> {
            bannerIcon.setIconSize((int) Math.max(32, height.doubleValue() / 20));
            staleIcon.setIconSize((int) Math.max(18, height.doubleValue() / 40));
        };
        height.addListener(size);
        size.invalidated(height);
        styleProperty().bind(Bindings.createStringBinding(
                () -> String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", Math.max(12, height.doubleValue() / 60)), height));
    }
}
