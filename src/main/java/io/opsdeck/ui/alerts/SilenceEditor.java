package io.opsdeck.ui.alerts;

import io.opsdeck.alerts.AlertRow;
import io.opsdeck.alerts.DurationPreset;
import io.opsdeck.alerts.MatcherDraft;
import io.opsdeck.alerts.SilenceDraft;
import io.opsdeck.alerts.SilencePreview;
import io.opsdeck.ui.common.Messages;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The silence editor window: matchers (=, !=, =~, !~) with an inline error each, duration presets or an absolute
 * end, a required comment, clusters, and the live preview of the alerts it would match. Save stays disabled while
 * anything is wrong or a broad silence's count has not been typed.
 */
public final class SilenceEditor {

    static final List<String> OPERATORS = List.of("=", "!=", "=~", "!~");
    private static final DateTimeFormatter END = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final SilenceEditorModel model;
    private final Messages messages;
    private final Stage stage = new Stage();
    private final GridPane matchers = new GridPane();
    private int shownMatchers = -1;

    public SilenceEditor(SilenceEditorModel model, Messages messages, Window owner, Consumer<String> onDone) {
        this.model = model;
        this.messages = messages;
        stage.initOwner(owner);
        stage.setTitle(messages.get(model.draftProperty().get().isEdit() ? "silence.editTitle" : "silence.newTitle"));

        matchers.setHgap(6);
        matchers.setVgap(2);
        matchers.setId("silence-matchers");
        Button add = new Button(messages.get("silence.addMatcher"));
        add.setId("silence-add-matcher");
        add.setOnAction(e -> model.addMatcher());

        FlowPane presets = new FlowPane(6, 6);
        for (DurationPreset p : DurationPreset.values()) {
            Button b = new Button(p.label());
            b.setId("preset-" + p.label());
            b.setOnAction(e -> model.preset(p));
            presets.getChildren().add(b);
        }
        TextField end = new TextField();
        end.setId("silence-end");
        end.setPromptText("yyyy-MM-dd HH:mm");
        end.setOnAction(e -> {
            try {
                model.endAt(LocalDateTime.parse(end.getText().strip(), END).atZone(ZoneId.systemDefault()).toInstant());
            } catch (DateTimeParseException ex) {
                end.setText(END.format(model.draftProperty().get().endsAt().atZone(ZoneId.systemDefault())));
            }
        });
        Label until = new Label();
        until.setId("silence-until");
        presets.getChildren().addAll(new Label(messages.get("silence.endsAt")), end, until);

        TextArea comment = new TextArea(model.draftProperty().get().comment());
        comment.setId("silence-comment");
        comment.setPrefRowCount(2);
        comment.setPromptText(messages.get("silence.commentPrompt"));
        comment.textProperty().addListener((o, a, t) -> model.comment(t));

        FlowPane clusters = new FlowPane(8, 4);
        Set<String> chosen = new LinkedHashSet<>(model.draftProperty().get().clusters());
        for (String c : model.clusters().stream().sorted().toList()) {
            CheckBox box = new CheckBox(c);
            box.setMnemonicParsing(false);
            box.setSelected(chosen.contains(c));
            box.setDisable(model.draftProperty().get().isEdit());
            box.selectedProperty().addListener((o, a, on) -> {
                if (on) {
                    chosen.add(c);
                } else {
                    chosen.remove(c);
                }
                model.clusters(Set.copyOf(chosen));
            });
            clusters.getChildren().add(box);
        }

        Label problems = new Label();
        problems.setId("silence-problems");
        problems.getStyleClass().add("filter-error");
        problems.setWrapText(true);
        Label count = new Label();
        count.setId("silence-preview-count");
        ListView<String> matched = new ListView<>();
        matched.setId("silence-preview-list");
        matched.setPrefHeight(140);
        Label prompt = new Label();
        prompt.setWrapText(true);
        TextField confirm = new TextField();
        confirm.setId("silence-confirm");
        confirm.textProperty().bindBidirectional(model.confirmationProperty());
        VBox confirmBox = new VBox(4, prompt, confirm);
        confirmBox.managedProperty().bind(confirmBox.visibleProperty());

        Button save = new Button(messages.get("silence.save"));
        save.setId("silence-save");
        save.setDefaultButton(false);
        save.disableProperty().bind(model.canSave().not());
        save.setOnAction(e -> model.save());
        Button cancel = new Button(messages.get("silence.cancel"));
        cancel.setId("silence-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        Label message = new Label();
        message.setId("silence-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        model.onSaved(outcome -> {
            onDone.accept(outcome.message());
            if (outcome.complete()) {
                stage.close();
            }
        });

        Runnable refresh = () -> {
            SilenceDraft d = model.draftProperty().get();
            if (d.matchers().size() != shownMatchers) {
                buildMatchers(d);
            }
            for (int i = 0; i < d.matchers().size(); i++) {
                Label err = (Label) matchers.lookup("#matcher-error-" + i);
                String problem = model.matcherProblem(i).orElse("");
                err.setText(problem);
                err.setVisible(!problem.isEmpty());
                err.setManaged(!problem.isEmpty());
            }
            until.setText(messages.format("silence.until", RowText.until(d.endsAt())));
            problems.setText(String.join("\n", model.otherProblems()));
            SilencePreview p = model.previewProperty().get();
            count.setText(p.valid() ? messages.format("silence.previewCount", p.count(), p.candidates())
                    : messages.get("silence.previewInvalid"));
            matched.getItems().setAll(p.matched().stream().limit(200)
                    .map(r -> r.alertname() + "  " + r.label("instance") + "  [" + r.cluster() + "]").toList());
            confirmBox.setVisible(p.confirmation().isPresent());
            prompt.setText(p.confirmation().map(c -> c.prompt()).orElse(""));
        };
        model.draftProperty().addListener((o, a, d) -> refresh.run());
        refresh.run();

        VBox root = new VBox(8,
                new Label(messages.get("silence.matchers")), matchers, add,
                new Label(messages.get("silence.duration")), presets,
                new Label(messages.get("silence.comment")), comment,
                new Label(messages.get("silence.clusters")), clusters,
                problems, count, matched, confirmBox, new HBox(8, save, cancel), message);
        root.setPadding(new Insets(12));
        root.setId("silence-editor");
        Scene scene = new Scene(root, 720, 680);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
    }

    private void buildMatchers(SilenceDraft d) {
        matchers.getChildren().clear();
        shownMatchers = d.matchers().size();
        for (int i = 0; i < d.matchers().size(); i++) {
            int index = i;
            MatcherDraft m = d.matchers().get(i);
            TextField name = new TextField(m.name());
            name.setId("matcher-name-" + i);
            name.setPromptText(messages.get("silence.labelName"));
            ChoiceBox<String> op = new ChoiceBox<>();
            op.setId("matcher-op-" + i);
            op.getItems().setAll(OPERATORS);
            op.setValue(m.operator());
            TextField value = new TextField(m.value());
            value.setId("matcher-value-" + i);
            value.setPrefColumnCount(24);
            Button remove = new Button(messages.get("silence.removeMatcher"));
            remove.setId("matcher-remove-" + i);
            remove.setOnAction(e -> model.removeMatcher(index));
            Runnable push = () -> model.setMatcher(index, new MatcherDraft(name.getText(), op.getValue(), value.getText()));
            name.textProperty().addListener((o, a, t) -> push.run());
            op.valueProperty().addListener((o, a, t) -> push.run());
            value.textProperty().addListener((o, a, t) -> push.run());
            Label error = new Label();
            error.setId("matcher-error-" + i);
            error.getStyleClass().add("filter-error");
            error.setWrapText(true);
            matchers.addRow(2 * i, name, op, value, remove);
            matchers.add(error, 0, 2 * i + 1, 4, 1);
        }
    }

    public void show() {
        stage.show();
    }

    public Stage stage() {
        return stage;
    }

    /** Opens the editor for a new silence pre-filled from {@code row}. */
    static SilenceDraft draftFor(AlertRow row, AlertsServices services) {
        return SilenceDraft.forAlert(row, services.operator(), services.clock().instant());
    }
}
