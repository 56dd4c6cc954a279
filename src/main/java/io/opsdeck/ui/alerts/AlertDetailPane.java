package io.opsdeck.ui.alerts;

import io.opsdeck.alerts.AlertDetail;
import io.opsdeck.alerts.AlertRow;
import io.opsdeck.alerts.Link;
import io.opsdeck.alerts.Severity;
import io.opsdeck.ui.common.BrowserLinks;
import io.opsdeck.ui.common.Messages;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The selected alert: state, every label and annotation as plain text Labels (never markup: they are untrusted),
 * link buttons (only http(s) links open) and the other alerts on the same instance.
 *
 * <p>Its nodes are built once and reused: a new selection changes texts, and the pane's children only when the
 * number of labels, annotations or same-instance alerts differs. Holding j used to build every node (and redo
 * its CSS) per key.
 */
final class AlertDetailPane extends ScrollPane {

    private final AlertsViewModel vm;
    private final Messages messages;
    private final Consumer<AlertRow> select;
    private final VBox box = new VBox(6);
    private final Label none = new Label();
    private final Label title = new Label();
    private final Map<Severity, FontIcon> titleIcons = new EnumMap<>(Severity.class);
    private final Label state = new Label();
    private final Button runbook = new Button();
    private final Button expression = new Button();
    private final Button dashboard = new Button();
    private final Button remediate = new Button();
    private final FlowPane links = new FlowPane(6, 6);
    private final Label labelsHeading;
    private final Label annotationsHeading;
    private final Label sameHeading;
    private final FlowPane others = new FlowPane(6, 6);
    private final List<Label> pairs = new ArrayList<>();
    private final List<LinkedPair> linkedPairs = new ArrayList<>();
    private final List<Button> otherButtons = new ArrayList<>();
    private final DetailHistory history;
    private AlertDetail shown;
    /**
     * The link buttons' tooltips, kept: the first {@code Tooltip} of the JVM loads some 40 classes (popup windows),
     * which held the first selection's frame (the first j); the pane makes them once it is on screen.
     */
    private final Map<Button, Tooltip> tooltips = new HashMap<>();

    AlertDetailPane(AlertsViewModel vm, Messages messages, Consumer<AlertRow> select) {
        this.vm = vm;
        this.messages = messages;
        this.select = select;
        setId("alerts-detail");
        setFitToWidth(true);
        box.setPadding(new Insets(10));
        setContent(box);
        none.setText(messages.get("alerts.noSelection"));
        none.getStyleClass().add("placeholder-text");
        title.setId("detail-title");
        title.getStyleClass().add("title-3");
        state.setId("detail-state");
        state.setWrapText(true);
        setUp(runbook, "detail-runbook", messages.get("alerts.runbook"));
        setUp(expression, "detail-expression", messages.get("alerts.expression"));
        setUp(dashboard, "detail-dashboard", messages.get("alerts.dashboard"));
        setUp(remediate, "detail-remediate", messages.get("alerts.remediate"));
        dashboard.setOnAction(e -> shownDetail().flatMap(AlertDetail::dashboard).ifPresent(vm::openDashboard));
        remediate.setOnAction(e -> shownDetail().ifPresent(d -> vm.remediate(d.row())));
        links.getChildren().addAll(runbook, expression, dashboard);
        labelsHeading = DetailHistory.heading(messages.get("alerts.labels"));
        annotationsHeading = DetailHistory.heading(messages.get("alerts.annotations"));
        sameHeading = DetailHistory.heading(messages.get("alerts.sameInstance"));
        history = new DetailHistory(vm.history(), messages);
        vm.detailProperty().addListener((o, a, d) -> show(d));
        show(vm.detailProperty().get());
        sceneProperty().addListener(new InvalidationListener() {
            @Override
            public void invalidated(Observable o) {
                if (getScene() != null) {
                    sceneProperty().removeListener(this);
                    Platform.runLater(() -> List.of(runbook, expression, dashboard)
                            .forEach(b -> tooltips.computeIfAbsent(b, k -> new Tooltip())));
                }
            }
        });
    }

    private Optional<AlertDetail> shownDetail() {
        return Optional.ofNullable(shown);
    }

    private void show(AlertDetail d) {
        shown = d;
        if (d == null) {
            setChildren(List.of(none));
            return;
        }
        AlertRow row = d.row();
        title.setText(row.alertname());
        title.setGraphic(titleIcons.computeIfAbsent(row.severity(), RowText::icon));
        state.setText(RowText.state(row, vm.now(), messages) + " · " + messages.format("alerts.cluster", row.cluster()));
        link(runbook, d.runbook());
        link(expression, d.generator());
        dashboard.setDisable(d.dashboard().isEmpty());
        tooltip(dashboard, d.dashboard().map(ref -> ref.dashboardId()).orElse(null));
        if (vm.canRemediate() && !links.getChildren().contains(remediate)) {
            links.getChildren().add(remediate);
        }
        List<Node> children = new ArrayList<>();
        children.addAll(List.of(title, state, links, labelsHeading));
        int p = 0;
        for (Map.Entry<String, String> e : d.labels().entrySet()) {
            children.add(pair(p++, e.getKey(), e.getValue()));
        }
        children.add(annotationsHeading);
        int linked = 0;
        for (Map.Entry<String, String> e : d.annotations().entrySet()) {
            Link link = d.annotationLinks().get(e.getKey());
            if (link == null) {
                children.add(pair(p++, e.getKey(), e.getValue()));
            } else {
                // only http(s) values get a button; the value itself stays plain text
                children.add(linkedPair(linked++, e.getKey(), e.getValue(), link));
            }
        }
        if (!d.sameInstance().isEmpty()) {
            children.add(sameHeading);
            List<Button> buttons = new ArrayList<>(d.sameInstance().size());
            for (AlertRow other : d.sameInstance()) {
                buttons.add(other(buttons.size(), other));
            }
            if (!others.getChildren().equals(buttons)) {
                others.getChildren().setAll(buttons);
            }
            children.add(others);
        }
        history.show();
        children.add(history.node());
        setChildren(children);
    }

    /** Changes the pane's children only when they differ: re-adding the same nodes would redo their CSS. */
    private void setChildren(List<Node> children) {
        if (!box.getChildren().equals(children)) {
            box.getChildren().setAll(children);
        }
    }

    private static Label newPair() {
        Label l = new Label();
        l.setWrapText(true);
        l.getStyleClass().add("detail-pair");
        return l;
    }

    private Label pair(int i, String name, String value) {
        while (pairs.size() <= i) {
            pairs.add(newPair());
        }
        Label l = pairs.get(i);
        l.setText(name + ": " + value);
        return l;
    }

    private HBox linkedPair(int i, String name, String value, Link link) {
        while (linkedPairs.size() <= i) {
            Button open = new Button(messages.get("alerts.openLink"));
            open.getStyleClass().add("small");
            Label pair = newPair();
            linkedPairs.add(new LinkedPair(open, pair, new HBox(6, open, pair)));
        }
        LinkedPair lp = linkedPairs.get(i);
        lp.pair().setText(name + ": " + value);
        link(lp.open(), Optional.of(link));
        return lp.box();
    }

    private record LinkedPair(Button open, Label pair, HBox box) {
    }

    private Button other(int i, AlertRow other) {
        while (otherButtons.size() <= i) {
            Button b = new Button();
            b.setMnemonicParsing(false);
            b.setUserData(new EnumMap<Severity, FontIcon>(Severity.class));
            otherButtons.add(b);
        }
        Button b = otherButtons.get(i);
        b.setText(other.alertname());
        @SuppressWarnings("unchecked")
        Map<Severity, FontIcon> icons = (Map<Severity, FontIcon>) b.getUserData();
        b.setGraphic(icons.computeIfAbsent(other.severity(), RowText::icon));
        b.setOnAction(e -> select.accept(other));
        return b;
    }

    private static void setUp(Button b, String id, String text) {
        b.setId(id);
        b.setText(text);
    }

    /** Enabled only for a web link; the tooltip says where it goes (or why not). */
    private void link(Button b, Optional<Link> link) {
        Optional<String> url = link.flatMap(Link::webUrl);
        b.setDisable(url.isEmpty());
        tooltip(b, link.map(l -> url.orElse(l.note() == null ? l.text() : l.note())).orElse(null));
        b.setOnAction(e -> url.ifPresent(BrowserLinks::open));
    }

    private void tooltip(Button b, String text) {
        if (text == null) {
            b.setTooltip(null);
            return;
        }
        Tooltip t = tooltips.computeIfAbsent(b, k -> new Tooltip());
        t.setText(text);
        if (b.getTooltip() != t) {
            b.setTooltip(t);
        }
    }
}
