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
 * "Value #A", "Value #B" for several), label columns for labels that differ between rows. Sortable (a refresh keeps
 * the sort); numbers sort as numbers and show with their column's unit, decimals, mappings and threshold colour
 * (field overrides by column name or query refId apply per column, displayName renames it).
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
            TableColumn<Row, String> c = new TableColumn<>(title(field(label, ""), label));
            c.setId("label:" + label);
            c.setCellValueFactory(d -> new SimpleStringProperty(d.getValue().labels().getOrDefault(label, "")));
            columns.add(c);
        });
        for (String ref : refs) {
            String name = refs.size() == 1 ? "Value" : "Value #" + ref;
            FieldDefaults f = field(name, ref);
            TableColumn<Row, Double> c = new TableColumn<>(title(f, name));
            c.setId("value:" + ref);
            c.setCellValueFactory(d -> new SimpleObjectProperty<>(d.getValue().values().getOrDefault(ref, Double.NaN)));
            c.setCellFactory(col -> new ValueCell(f, range));
            c.setComparator((a, b) -> Double.compare(a == null ? Double.NaN : a, b == null ? Double.NaN : b));
            c.setStyle("-fx-alignment: CENTER-RIGHT");
            columns.add(c);
        }
        // a refresh rebuilds the columns: keep the order the user sorted by (clicked headers), by column id
        List<TableColumn<Row, ?>> sortedBy = new ArrayList<>();
        for (TableColumn<Row, ?> old : table.getSortOrder()) {
            columns.stream().filter(c -> c.getId().equals(old.getId())).findFirst().ifPresent(c -> {
                c.setSortType(old.getSortType());
                sortedBy.add(c);
            });
        }
        table.getColumns().setAll(columns);
        table.getItems().setAll(rows);
        table.getSortOrder().setAll(sortedBy);
        table.sort();
    }

    /**
     * The field config of a column after overrides: value columns match by their name ("Value #B") or query refId,
     * label columns by the label name, as Grafana's table fields do.
     */
    private FieldDefaults field(String name, String refId) {
        return FieldDisplay.effective(panel.fieldConfig(), new Series(name, Map.of(), refId, new long[0], new double[0]));
    }

    private static String title(FieldDefaults f, String name) {
        return f.displayName().isEmpty() ? name : f.displayName();
    }

    /** A number with the column's unit, decimals, mappings and threshold colour. */
    private static final class ValueCell extends TableCell<Row, Double> {
        private final FieldDefaults f;
        private final FieldDisplay.Range range;

        ValueCell(FieldDefaults f, FieldDisplay.Range range) {
            this.f = f;
            this.range = range;
        }

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
