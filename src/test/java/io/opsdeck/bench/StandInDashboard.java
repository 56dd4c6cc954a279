package io.opsdeck.bench;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * What the console has drawn before the operator first opens Alerts, roughly: a top bar (labels, buttons with icons,
 * a search field), a section list, and six dashboard panels (a title and a chart on a canvas). Not the real shell
 * (it needs the console's services): it warms the same kinds of JavaFX code (Prism's first frame, text, icons, the
 * theme's CSS) so that the Alerts view's first frame in {@code AlertsFrameBench} is measured as in the console,
 * after the first dashboard paint, not as the JVM's first frame.
 */
final class StandInDashboard {

    private StandInDashboard() {
    }

    static void fill(BorderPane shell) {
        HBox top = new HBox(8, new Label("OpsDeck"), new TextField(), button(new FontIcon(Material2MZ.SEARCH)),
                button(new FontIcon(Material2AL.ACCESS_TIME)), button(new FontIcon(Material2MZ.REFRESH)),
                new Label("critical 3"), new Label("warning 12"));
        VBox nav = new VBox(4);
        for (String s : new String[] {"Dashboards", "Alerts", "Silences", "Remediation", "Notifications", "Settings"}) {
            nav.getChildren().add(new ToggleButton(s));
        }
        GridPane panels = new GridPane();
        panels.setHgap(8);
        panels.setVgap(8);
        for (int i = 0; i < 6; i++) {
            Label title = new Label("Panel " + (i + 1) + ": CPU busy by instance");
            VBox panel = new VBox(4, title, chart(i));
            panel.getStyleClass().add("dashboard-panel");
            title.getStyleClass().add("panel-title");
            panels.add(panel, i % 3, i / 3);
        }
        shell.setTop(top);
        shell.setLeft(nav);
        // the shell's content area (a StackPane in ShellView), where the Alerts view is put when it is opened
        shell.setCenter(new javafx.scene.layout.StackPane(panels));
    }

    private static Button button(FontIcon icon) {
        return new Button(null, icon);
    }

    private static Canvas chart(int seed) {
        Canvas c = new Canvas(380, 220);
        GraphicsContext g = c.getGraphicsContext2D();
        g.setStroke(Color.STEELBLUE);
        g.setLineWidth(1.5);
        g.beginPath();
        for (int x = 0; x < 380; x += 2) {
            double y = 110 + 60 * Math.sin((x + seed * 40) / 30.0);
            if (x == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
        g.setFill(Color.GRAY);
        g.fillText("12:00    12:15    12:30    12:45", 10, 212);
        return c;
    }
}
