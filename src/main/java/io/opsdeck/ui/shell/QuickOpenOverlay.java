package io.opsdeck.ui.shell;

import io.opsdeck.ui.common.Messages;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The Ctrl+K popup: type to filter, arrows to move, Enter to open, Esc to close. */
final class QuickOpenOverlay extends StackPane {

    private final QuickOpenViewModel vm;
    private final TextField query = new TextField();
    private final ListView<QuickOpenItem> list;

    QuickOpenOverlay(QuickOpenViewModel vm, Messages messages, Consumer<QuickOpenItem> open) {
        this.vm = vm;
        setId("quick-open");
        getStyleClass().add("overlay-backdrop");
        query.setId("quick-open-query");
        query.setPromptText(messages.get("quickOpen.prompt"));
        query.textProperty().bindBidirectional(vm.queryProperty());
        list = new ListView<>(vm.items());
        list.setId("quick-open-list");
        list.setPrefHeight(360);
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(QuickOpenItem item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                } else {
                    setText(item.label());
                    setGraphic(new FontIcon(switch (item.kind()) {
                        case DASHBOARD -> Material2AL.DASHBOARD;
                        case HOST -> Material2AL.DESKTOP_WINDOWS;
                        case ALERT -> Material2MZ.NOTIFICATION_IMPORTANT;
                    }));
                }
            }
        });
        vm.items().addListener((javafx.collections.ListChangeListener<QuickOpenItem>) c -> list.getSelectionModel().selectFirst());
        Runnable choose = () -> {
            QuickOpenItem item = list.getSelectionModel().getSelectedItem();
            if (item != null) {
                hide();
                open.accept(item);
            }
        };
        query.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) {
                list.getSelectionModel().selectNext();
                e.consume();
            } else if (e.getCode() == KeyCode.UP) {
                list.getSelectionModel().selectPrevious();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                choose.run();
                e.consume();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                choose.run();
            }
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                hide();
                e.consume();
            }
        });
        setOnMouseClicked(e -> {
            if (e.getTarget() == this) {
                hide();
            }
        });
        Label title = new Label(messages.get("quickOpen.title"));
        title.getStyleClass().add("section-title");
        VBox card = new VBox(title, query, list);
        card.getStyleClass().add("overlay-card");
        card.setMaxSize(640, 480);
        StackPane.setAlignment(card, Pos.TOP_CENTER);
        setPadding(new javafx.geometry.Insets(80, 0, 0, 0));
        getChildren().add(card);
        setVisible(false);
    }

    void show() {
        vm.reload();
        list.getSelectionModel().selectFirst();
        setVisible(true);
        query.requestFocus();
    }

    void hide() {
        setVisible(false);
    }
}
