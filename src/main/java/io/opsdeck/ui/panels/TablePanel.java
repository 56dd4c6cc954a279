package io.opsdeck.ui.panels;

import io.opsdeck.dashboard.FieldDefaults;
import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.frame.FieldDisplay;
import io.opsdeck.dashboard.frame.Frame;
import io.opsdeck.dashboard.frame.Reducers;
import io.opsdeck.dashboard.frame.Series;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Table: one row per label set, the last value of each query in its own column ("Value" for one query,
 * "Value #A", "Value #B" for several), label columns for labels that differ between rows. Sortable; numbers sort
 * as numbers and show formatted with the unit and threshold colour.
 */
public final class TablePanel implements PanelView {

    /** A row: labels and one value per query refId. */
    public record Row(Map<String, String> labels, Map<String, Double> values) {
    }

    private final Panel panel;
    private final TableView<Row> table = new TableView<>();

    public TablePanel(Panel panel) {
        this.panel = panel;
        table.getStyleClass().add("table-panel");
        table.setPlaceholder(new Label("No data"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    /** Rows merged by labels (without {@code __name__}). */
    public static List<Row> merge(Frame frame) {
        Map<Map<String, String>, Map<String, Double>> rows = new LinkedHashMap<>();
        for (Series s : frame.series()) {
            Map<String, String> labels = new LinkedHashMap<>(s.labels());
            labels.remove("__name__");
            rows.computeIfAbsent(labels, k -> new LinkedHashMap<>())
                    .put(s.refId().isEmpty() ? "A" : s.refId(), Reducers.reduce("lastNotNull", s.values()));
        }
        List<Row> out = new ArrayList<>();
        rows.forEach((l, v) -> out.add(new Row(l, v)));
        return out;
    }

    @Override
    public Node node() {
        return table;
    }

    @Override
    public void setData(Frame frame) {
        List<Row> rows = merge(frame);
        FieldDisplay.Range range = FieldDisplay.dataRange(frame);
        Set<String> refs = new LinkedHashSet<>();
        Map<String, Set<String>> labelValues = new LinkedHashMap<>();
        for (Row r : rows) {
            refs.addAll(r.values().keySet());
            r.labels().forEach((k, v) -> labelValues.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(v));
        }
        List<TableColumn<Row, ?>> columns = new ArrayList<>();
        labelValues.forEach((label, values) -> {
            if (rows.size() > 1 && values.size() < 2 && !label.equals("instance")) {
                return; // the same everywhere: noise
            }
            TableColumn<Row, String> c = new TableColumn<>(label);
            c.setCellValueFactory(d -> new SimpleStringProperty(d.getValue().labels().getOrDefault(label, "")));
            columns.add(c);
        });
        FieldDefaults f = panel.fieldConfig().defaults();
        for (String ref : refs) {
            TableColumn<Row, Double> c = new TableColumn<>(refs.size() == 1 ? "Value" : "Value #" + ref);
            c.setCellValueFactory(d -> new SimpleObjectProperty<>(d.getValue().values().getOrDefault(ref, Double.NaN)));
            c.setCellFactory(col -> new TableCell<>() {
                @Override
                protected void updateItem(Double v, boolean empty) {
                    super.updateItem(v, empty);
                    if (empty || v == null) {
                        setText(null);
                        setStyle("");
                        return;
                    }
                    FieldDisplay.Display d = FieldDisplay.display(f, v, range);
                    int bad = Palette.badness(d.color());
                    setText((bad > 0 ? Palette.glyph(bad) + " " : "") + d.text());
                    setStyle(d.color() == null ? "" : "-fx-text-fill: " + toWeb(Palette.named(d.color(), Palette.NEUTRAL))
                            + (bad >= 2 ? "; -fx-font-weight: bold" : ""));
                }
            });
            c.setComparator((a, b) -> Double.compare(a == null ? Double.NaN : a, b == null ? Double.NaN : b));
            c.setStyle("-fx-alignment: CENTER-RIGHT");
            columns.add(c);
        }
        table.getColumns().setAll(columns);
        table.getItems().setAll(rows);
    }

    private static String toWeb(javafx.scene.paint.Color c) {
        return String.format("#%02x%02x%02x", (int) (c.getRed() * 255), (int) (c.getGreen() * 255),
                (int) (c.getBlue() * 255));
    }

    @Override
    public long pointsDrawn() {
        return table.getItems().stream().mapToLong(r -> r.values().size()).sum();
    }

    @Override
    public String valueText() {
        return table.getItems().isEmpty() ? "" : table.getItems().size() + " rows";
    }
}
