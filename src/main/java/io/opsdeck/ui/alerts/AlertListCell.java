package io.opsdeck.ui.alerts;

import io.opsdeck.alerts.AlertRow;
import io.opsdeck.alerts.RowGroup;
import io.opsdeck.alerts.Severity;
import io.opsdeck.ui.common.Messages;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.MouseButton;
import org.kordamp.ikonli.material2.Material2AL;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A line of the Alerts list: a group header (disclosure arrow, key, counts per severity by icon shape and number)
 * or an alert row (severity icon, name, instance, state, age); plain text only. Each cell builds its nodes once and
 * only changes their text: scrolling or filtering 100,000 rows re-uses cells constantly, and new nodes per update
 * cost CSS passes that stall frames. The cell's accessible text says the line in words for screen readers.
 */
final class AlertListCell extends ListCell<Object> {

    static final PseudoClass SUPPRESSED = PseudoClass.getPseudoClass("suppressed");
    static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    static final PseudoClass RESOLVED = PseudoClass.getPseudoClass("resolved");
    static final PseudoClass ACK_EXPIRING = PseudoClass.getPseudoClass("ack-expiring");
    private final Supplier<Instant> now;
    private final Messages messages;
    private final Map<Severity, FontIcon> icons = new EnumMap<>(Severity.class);
    private final AlertList list;
    // a header's nodes and a row's are built when the cell first shows that kind: most cells only ever show rows
    private FontIcon openIcon;
    private FontIcon closedIcon;
    private Label disclosure;
    private Label groupName;
    private Label groupSize;
    private final Map<Severity, Label> groupCounts = new EnumMap<>(Severity.class);
    private HBox groupBox;
    private Label rowIcon;
    private Label name;
    private Label instance;
    private Label state;
    private Label age;
    private HBox rowBox;
    private String kind;

    AlertListCell(AlertList list, Supplier<Instant> now, Messages messages) {
        this.list = list;
        this.now = now;
        this.messages = messages;
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() instanceof RowGroup) {
                list.toggle(getIndex());
            }
        });
    }

    /**
     * Builds both kinds' nodes and shows them (blank) as the graphic, so that a cell made while the list is still
     * empty gets its skins and styles then ({@link AlertList} keeps such cells for the first lines to arrive).
     */
    void prepare() {
        HBox severities = new HBox();
        for (Severity s : Severity.values()) {
            severities.getChildren().add(icons.computeIfAbsent(s, RowText::icon));
        }
        setGraphic(new VBox(groupBox(), rowBox(), severities));
    }

    private HBox groupBox() {
        if (groupBox == null) {
            openIcon = new FontIcon(Material2AL.EXPAND_MORE);
            closedIcon = new FontIcon(Material2AL.CHEVRON_RIGHT);
            disclosure = new Label();
            groupName = new Label();
            groupSize = new Label();
            groupBox = new HBox(6, disclosure, groupName, groupSize);
            disclosure.getStyleClass().add("alert-group-disclosure");
            disclosure.setOnMouseClicked(e -> {
                list.toggle(getIndex());
                e.consume();
            });
            groupBox.setAlignment(Pos.CENTER_LEFT);
            groupName.getStyleClass().add("alert-group-name");
            for (Severity s : Severity.values()) {
                Label count = new Label();
                count.setGraphic(RowText.icon(s));
                count.getStyleClass().add("severity-count");
                count.managedProperty().bind(count.visibleProperty());
                groupCounts.put(s, count);
                groupBox.getChildren().add(count);
            }
        }
        return groupBox;
    }

    private HBox rowBox() {
        if (rowBox == null) {
            rowIcon = new Label();
            name = new Label();
            instance = new Label();
            state = new Label();
            age = new Label();
            name.getStyleClass().add("alert-name");
            instance.getStyleClass().add("alert-instance");
            state.setId("row-state");
            state.getStyleClass().add("alert-state");
            age.getStyleClass().add("alert-age");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            rowBox = new HBox(8, rowIcon, name, instance, gap, state, age);
            rowBox.setAlignment(Pos.CENTER_LEFT);
            // rows sit under their header's arrow, as they did in the tree
            rowBox.setPadding(new javafx.geometry.Insets(0, 0, 0, 20));
        }
        return rowBox;
    }

    private void kind(String styleClass) {
        if (styleClass == null ? kind != null : !styleClass.equals(kind)) {
            getStyleClass().removeAll("alert-group", "alert-row");
            if (styleClass != null) {
                getStyleClass().add(styleClass);
            }
            kind = styleClass;
        }
    }

    @Override
    protected void updateItem(Object item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        pseudoClassStateChanged(SUPPRESSED, false);
        pseudoClassStateChanged(STALE, false);
        pseudoClassStateChanged(RESOLVED, false);
        pseudoClassStateChanged(ACK_EXPIRING, false);
        if (state != null) {
            state.setText("");
        }
        // style class and id changes make JavaFX redo the cell's CSS from scratch: change them only when the kind does
        kind(empty || item == null ? null : item instanceof RowGroup ? "alert-group" : "alert-row");
        if (empty || item == null) {
            setGraphic(null);
            setAccessibleText(null);
        } else if (item instanceof RowGroup g) {
            String title = RowText.groupTitle(g);
            boolean open = list.expanded(getIndex());
            HBox box = groupBox();
            disclosure.setGraphic(open ? openIcon : closedIcon);
            groupName.setText(title.isEmpty() ? messages.get("alerts.noValue") : title);
            groupSize.setText("(" + g.size() + ")");
            StringBuilder counts = new StringBuilder();
            groupCounts.forEach((s, label) -> {
                int n = g.count(s);
                label.setVisible(n > 0);
                label.setText(Integer.toString(n));
                if (n > 0) {
                    counts.append(", ").append(n).append(' ').append(s.name().toLowerCase(java.util.Locale.ROOT));
                }
            });
            setGraphic(box);
            setAccessibleText(messages.format(open ? "alerts.a11y.groupOpen" : "alerts.a11y.groupClosed",
                    groupName.getText(), g.size(), counts.toString()));
        } else if (item instanceof AlertRow r) {
            HBox box = rowBox();
            rowIcon.setGraphic(icons.computeIfAbsent(r.severity(), RowText::icon));
            name.setText(r.alertname());
            instance.setText(r.label("instance"));
            Instant at = now.get();
            state.setText(RowText.state(r, at, messages));
            age.setText(RowText.age(r, at, messages));
            setGraphic(box);
            setAccessibleText(r.severity().name().toLowerCase(java.util.Locale.ROOT) + ", " + r.alertname() + ", "
                    + instance.getText() + ", " + state.getText() + ", " + age.getText());
            pseudoClassStateChanged(SUPPRESSED, r.state().suppressed());
            pseudoClassStateChanged(STALE, r.stale());
            pseudoClassStateChanged(RESOLVED, r.resolved());
            pseudoClassStateChanged(ACK_EXPIRING, RowText.expiringSoon(r, at));
        }
    }
}
