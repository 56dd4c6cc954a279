package io.opsdeck.ui.settings;

import io.opsdeck.console.SourceKind;
import io.opsdeck.console.SourceSettings;
import io.opsdeck.ui.common.ChoiceText;
import io.opsdeck.ui.common.Messages;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Settings: the sources list and an add/edit form with a background "Test connection". */
public final class SettingsView extends BorderPane {

    public SettingsView(SettingsViewModel vm, Messages messages) {
        this(vm, messages, null);
    }

    /** @param below a further section under the sources (the Notifications section), or null */
    public SettingsView(SettingsViewModel vm, Messages messages, javafx.scene.Node below) {
        setId("settings-view");
        Label title = new Label(messages.get("settings.title"));
        title.getStyleClass().add("section-title");

        ListView<SourceSettings> list = new ListView<>(vm.sources());
        list.setId("source-list");
        list.setPrefWidth(440);
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(SourceSettings s, boolean empty) {
                super.updateItem(s, empty);
                setText(null);
                if (empty || s == null) {
                    setGraphic(null);
                    return;
                }
                Label title = new Label(s.name() + "  ·  " + messages.get("settings.kind." + s.kind().name().toLowerCase(Locale.ROOT)));
                title.setStyle("-fx-font-weight: bold;");
                Label secretText = new Label(vm.masked(s.secret()));
                secretText.setId("source-secret");
                secretText.getStyleClass().add("muted-text");
                // a token file's path is one long word: cut its middle, not the path itself ("file ..."), and
                // give all of it on hover
                secretText.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
                secretText.setTooltip(new javafx.scene.control.Tooltip(secretText.getText()));
                secretText.setMaxWidth(400);
                setGraphic(new VBox(2, title, new Label(s.url()), secretText));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            if (s != null) {
                vm.edit(s);
            }
        });
        Button add = new Button(messages.get("settings.add"));
        add.setId("source-add");
        add.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            vm.newSource();
        });

        TextField name = new TextField();
        name.setId("source-name");
        name.textProperty().bindBidirectional(vm.nameProperty());
        ChoiceBox<SourceKind> kind = new ChoiceBox<>();
        kind.getItems().setAll(SourceKind.values());
        kind.setConverter(ChoiceText.of(k -> messages.get("settings.kind." + k.name().toLowerCase(Locale.ROOT))));
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        TextField url = new TextField();
        url.setId("source-url");
        url.textProperty().bindBidirectional(vm.urlProperty());
        ChoiceBox<SecretMode> mode = new ChoiceBox<>();
        mode.setId("secret-mode");
        mode.getItems().setAll(SecretMode.values());
        mode.setConverter(ChoiceText.of(m -> messages.get("settings.secretMode." + m.name().toLowerCase(Locale.ROOT))));
        mode.valueProperty().bindBidirectional(vm.secretModeProperty());
        TextField env = new TextField();
        env.setId("secret-env");
        env.setPromptText(messages.get("settings.envPrompt"));
        env.textProperty().bindBidirectional(vm.envNameProperty());
        PasswordField secret = new PasswordField();
        secret.setId("secret-value");
        secret.setPromptText(messages.get("settings.secretPrompt"));
        secret.textProperty().bindBidirectional(vm.secretProperty());
        Label stored = new Label();
        stored.setId("secret-masked");
        Label keyring = new Label(vm.keyringNote());
        keyring.setWrapText(true);
        keyring.getStyleClass().add("placeholder-text");
        Runnable modeChanged = () -> {
            SecretMode m = mode.getValue();
            env.setVisible(m == SecretMode.ENV);
            secret.setVisible(m == SecretMode.FILE || m == SecretMode.KEYRING);
            keyring.setVisible(m == SecretMode.KEYRING && !vm.keyringNote().isEmpty());
            stored.setText(vm.masked(m == SecretMode.KEEP ? vm.existingSecret() : null));
            stored.setVisible(m == SecretMode.KEEP);
        };
        for (javafx.scene.Node n : List.of(env, secret, stored, keyring)) {
            n.managedProperty().bind(n.visibleProperty());
        }
        mode.valueProperty().addListener((o, a, b) -> modeChanged.run());
        modeChanged.run();

        Button test = new Button(messages.get("settings.test"));
        test.setId("source-test");
        test.setOnAction(e -> vm.testConnection());
        Button save = new Button(messages.get("settings.save"));
        save.setId("source-save");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> vm.save());
        Button cancel = new Button(messages.get("settings.cancel"));
        cancel.setId("source-cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.visibleProperty().bind(vm.busyProperty());
        test.disableProperty().bind(vm.busyProperty());
        save.disableProperty().bind(vm.busyProperty());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(vm.busyProperty());
        Label result = new Label();
        result.setId("source-message");
        result.setWrapText(true);
        result.textProperty().bind(vm.messageProperty());
        vm.messageOkProperty().addListener((o, a, ok) -> result.getStyleClass().setAll("label", ok ? "test-result-ok" : "test-result-failed"));

        GridPane form = new GridPane(10, 10);
        form.addRow(0, new Label(messages.get("settings.name")), name);
        form.addRow(1, new Label(messages.get("settings.kind")), kind);
        form.addRow(2, new Label(messages.get("settings.url")), url);
        form.addRow(3, new Label(messages.get("settings.secret")), mode);
        form.add(new VBox(6, env, secret, stored, keyring), 1, 4);
        form.add(new HBox(8, test, save, cancel, progress), 1, 5);
        form.add(result, 1, 6);
        name.setPrefColumnCount(28);
        url.setPrefColumnCount(28);
        for (javafx.scene.Node n : List.of(name, url, env, secret, result)) {
            ((javafx.scene.layout.Region) n).setMaxWidth(460);
        }
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        form.getColumnConstraints().add(labels);
        vm.sources().addListener((javafx.collections.ListChangeListener<SourceSettings>) c -> {
            if (list.getSelectionModel().isEmpty() && !vm.sources().isEmpty()) {
                list.getSelectionModel().selectFirst();
            }
        });

        VBox left = new VBox(10, list, add);
        VBox right = new VBox(10, new Label(messages.get("settings.editor")), form);
        HBox body = new HBox(24, left, right);
        VBox root = new VBox(12, title, body);
        root.getStyleClass().add("content-area");
        root.setPadding(new Insets(16));
        if (below == null) {
            setCenter(root);
        } else {
            list.setPrefHeight(300); // so the section below fits a 900 px window too
            root.getChildren().add(below);
            javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(root);
            scroll.setFitToWidth(true);
            setCenter(scroll);
        }
        vm.load();
    }
}
