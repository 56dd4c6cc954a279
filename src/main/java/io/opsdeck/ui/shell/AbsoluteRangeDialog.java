package io.opsdeck.ui.shell;

import io.opsdeck.console.TimeRange;
import io.opsdeck.ui.common.Messages;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** Asks for a from/to range in local time ("2026-11-22 18:00"); OK stays disabled until both parse in order. */
final class AbsoluteRangeDialog extends Dialog<TimeRange> {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    AbsoluteRangeDialog(TimeRange current, Clock clock, Messages messages) {
        setTitle(messages.get("time.absoluteTitle"));
        Instant to = current.relative() ? clock.instant() : current.to();
        Instant from = current.relative() ? to.minus(current.span()) : current.from();
        TextField fromField = new TextField(format(from, clock));
        TextField toField = new TextField(format(to, clock));
        fromField.setId("range-from");
        toField.setId("range-to");
        Label problem = new Label();
        problem.getStyleClass().add("test-result-failed");
        GridPane grid = new GridPane(10, 10);
        grid.addRow(0, new Label(messages.get("time.from")), fromField);
        grid.addRow(1, new Label(messages.get("time.to")), toField);
        grid.add(new Label(messages.get("time.formatHint")), 1, 2);
        grid.add(problem, 1, 3);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Runnable validate = () -> {
            String why = null;
            try {
                TimeRange.between(parse(fromField.getText(), clock), parse(toField.getText(), clock));
            } catch (DateTimeParseException e) {
                why = messages.get("time.badFormat");
            } catch (IllegalArgumentException e) {
                why = messages.get("time.badOrder");
            }
            problem.setText(why == null ? "" : why);
            getDialogPane().lookupButton(ButtonType.OK).setDisable(why != null);
        };
        fromField.textProperty().addListener((o, a, b) -> validate.run());
        toField.textProperty().addListener((o, a, b) -> validate.run());
        validate.run();
        setResultConverter(b -> b == ButtonType.OK
                ? TimeRange.between(parse(fromField.getText(), clock), parse(toField.getText(), clock)) : null);
    }

    private static String format(Instant i, Clock clock) {
        return FORMAT.format(i.atZone(clock.getZone()).truncatedTo(ChronoUnit.MINUTES));
    }

    private static Instant parse(String text, Clock clock) {
        return LocalDateTime.parse(text.trim(), FORMAT).atZone(clock.getZone()).toInstant();
    }
}
