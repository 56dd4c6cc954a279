package io.opsdeck.ui.shell;

import io.opsdeck.console.ActiveAlert;
import io.opsdeck.console.ConsoleServices;
import io.opsdeck.console.DashboardSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * Ctrl+K: dashboards, hosts and alerts in one list, filtered as the operator types (every word must match).
 * Uses the services' cached answers only (catalogues, host directory, the alert feed's last snapshot).
 */
public final class QuickOpenViewModel {

    private final ConsoleServices services;
    private final ObservableList<QuickOpenItem> all = FXCollections.observableArrayList();
    private final FilteredList<QuickOpenItem> shown = new FilteredList<>(all);
    private final StringProperty query = new SimpleStringProperty("");

    public QuickOpenViewModel(ConsoleServices services) {
        this.services = services;
        query.addListener((o, a, q) -> shown.setPredicate(item -> matches(item, q)));
    }

    /** Reloads the items; call each time the popup opens. */
    public void reload() {
        List<QuickOpenItem> items = new ArrayList<>();
        for (DashboardSummary d : services.dashboards().dashboards()) {
            items.add(new QuickOpenItem(QuickOpenItem.Kind.DASHBOARD, d.title() + "  " + String.join(" ", d.tags()), d.id()));
        }
        for (String h : services.hosts().hosts()) {
            items.add(new QuickOpenItem(QuickOpenItem.Kind.HOST, h, h));
        }
        for (ActiveAlert a : services.alerts().current()) {
            items.add(new QuickOpenItem(QuickOpenItem.Kind.ALERT,
                    a.alertname() + " " + a.instance() + " " + a.severity().name().toLowerCase(Locale.ROOT), a.fingerprint()));
        }
        all.setAll(items);
        query.set("");
        shown.setPredicate(null);
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<QuickOpenItem> items() {
        return shown;
    }

    private static boolean matches(QuickOpenItem item, String q) {
        String hay = (item.kind().name() + " " + item.label() + " " + item.target()).toLowerCase(Locale.ROOT);
        for (String word : q.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!hay.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
