package io.opsdeck.ui.remediation;

import io.opsdeck.console.RemediationItem;
import io.opsdeck.ui.common.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.geometry.Orientation;

/** History with filters (plan and result at the agent, free text here); the selected request's action and output below. */
final class HistoryPane extends BorderPane {

    static final List<String> RESULTS = List.of("", "succeeded", "failed", "rejected", "expired", "cancelled", "timeout",
            "verification_failed", "rolled_back", "rollback_failed");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final TableView<RemediationItem> table = new TableView<>();

    HistoryPane(RemediationViewModel vm, Messages messages) {
        ComboBox<String> plan = new ComboBox<>();
        plan.setId("history-plan");
        plan.setEditable(true);
        plan.setPromptText(messages.get("remediation.anyPlan"));
        plan.valueProperty().addListener((o, a, v) -> vm.historyPlanProperty().set(v == null ? "" : v));
        vm.toggles().addListener((MapChangeListener<String, Boolean>) c -> {
            TreeSet<String> plans = new TreeSet<>();
            vm.toggles().keySet().stream().filter(k -> k.startsWith("plan.")).forEach(k -> plans.add(k.substring(5)));
            if (!plans.equals(new TreeSet<>(plan.getItems().filtered(s -> !s.isEmpty())))) {
                String keep = plan.getValue();
                plan.getItems().setAll(plans);
                plan.getItems().addFirst("");
                plan.setValue(keep);
            }
        });
        ComboBox<String> result = new ComboBox<>();
        result.setId("history-result");
        result.getItems().setAll(RESULTS);
        result.setPromptText(messages.get("remediation.anyResult"));
        result.valueProperty().addListener((o, a, v) -> vm.historyResultProperty().set(v == null ? "" : v));
        TextField text = new TextField();
        text.setId("history-text");
        text.setPromptText(messages.get("remediation.historyText"));
        text.textProperty().bindBidirectional(vm.historyTextProperty());
        text.setPrefColumnCount(28);
        HBox filters = new HBox(8, new Label(messages.get("remediation.plan")), plan, new Label(messages.get("remediation.result")),
                result, text);
        HBox.setHgrow(text, javafx.scene.layout.Priority.SOMETIMES);
        filters.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        filters.setPadding(new Insets(8));

        table.setId("remediation-history");
        table.setPlaceholder(new Label(messages.get("remediation.noHistory")));
        table.getColumns().setAll(List.of(
                column(messages.get("remediation.created"), 170, r -> time(r.createdAt())),
                column(messages.get("remediation.plan"), 150, RemediationItem::plan),
                column(messages.get("remediation.target"), 100, RemediationItem::target),
                column(messages.get("remediation.alertname"), 170, RemediationItem::alertname),
                column(messages.get("remediation.risk"), 90, r -> RiskText.word(r.risk().level(), messages)),
                column(messages.get("remediation.requestedBy"), 125, RemediationItem::requestedBy),
                column(messages.get("remediation.approvedBy"), 120, r -> String.join(", ", r.approvedBy())),
                column(messages.get("remediation.status"), 110, RemediationItem::status),
                column(messages.get("remediation.result"), 120, r -> r.result() == null ? "" : r.result())));
        table.setItems(vm.history());
        TextArea detail = Texts.area("history-detail", "", 6);
        detail.setPromptText(messages.get("remediation.selectHistory"));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> detail.setText(r == null ? ""
                : r.action() + "\n\n" + (r.output() == null ? "" : r.output())));
        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.7);
        setTop(filters);
        setCenter(split);
    }

    private static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    private static TableColumn<RemediationItem, String> column(String title, double width, Function<RemediationItem, String> value) {
        TableColumn<RemediationItem, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        return c;
    }
}
