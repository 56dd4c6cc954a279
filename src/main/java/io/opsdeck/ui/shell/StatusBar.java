package io.opsdeck.ui.shell;

import io.opsdeck.ui.common.Messages;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** One indicator per source and the agent; stale ones get the {@code :stale} pseudo-class and say STALE. */
public final class StatusBar extends HBox {

    public static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    public StatusBar(StatusViewModel vm, Messages messages) {
        getStyleClass().add("status-bar");
        setId("status-bar");
        HBox indicators = new HBox(8);
        Runnable rebuild = () -> {
            indicators.getChildren().clear();
            for (SourceIndicator i : vm.indicators()) {
                indicators.getChildren().add(indicator(i));
            }
        };
        vm.indicators().addListener((ListChangeListener<SourceIndicator>) c -> rebuild.run());
        rebuild.run();
        Label label = new Label(messages.get("status.sources"));
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        indicators.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(label, indicators);
    }

    private static Label indicator(SourceIndicator i) {
        FontIcon dot = new FontIcon(Material2AL.LENS);
        dot.getStyleClass().add("source-dot");
        Label l = new Label(null, dot);
        l.setId("source-" + i.name());
        l.getStyleClass().add("source-indicator");
        l.textProperty().bind(i.textProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(i.tooltipProperty());
        tip.setShowDelay(Duration.millis(200));
        l.setTooltip(tip);
        l.pseudoClassStateChanged(STALE, i.isStale());
        i.staleProperty().addListener((o, a, b) -> l.pseudoClassStateChanged(STALE, b));
        return l;
    }
}
