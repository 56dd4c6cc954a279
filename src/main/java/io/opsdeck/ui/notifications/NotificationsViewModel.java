package io.opsdeck.ui.notifications;

import io.opsdeck.console.NotificationHistory;
import io.opsdeck.console.NotificationPage;
import io.opsdeck.console.NotificationRecord;
import io.opsdeck.console.NotificationSearch;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.TaskHandle;
import io.opsdeck.ui.common.TaskRunner;
import java.time.Clock;
import java.util.List;
import java.util.TreeSet;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the Notifications view: the filters, the rows found (newest first, page by page), the selection, and
 * the outcome of the last search or resend. Every call to the agent runs through the {@link TaskRunner}; a newer
 * search cancels an older one so results never arrive out of order.
 */
public final class NotificationsViewModel {

    private final NotificationHistory history;
    private final TaskRunner tasks;
    private final Clock clock;
    private final Messages messages;
    private final StringProperty alert = new SimpleStringProperty("");
    private final StringProperty channel = new SimpleStringProperty("");
    private final StringProperty recipient = new SimpleStringProperty("");
    /** Empty: any status. */
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<HistoryWindow> window = new SimpleObjectProperty<>(HistoryWindow.DAY);
    private final ObservableList<NotificationRecord> rows = FXCollections.observableArrayList();
    private final ObservableList<String> channels = FXCollections.observableArrayList();
    private final ObjectProperty<NotificationRecord> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper resending = new ReadOnlyBooleanWrapper();
    private NotificationSearch lastQuery;
    private NotificationPage lastPage = NotificationPage.empty();
    private TaskHandle pending;

    public NotificationsViewModel(NotificationHistory history, TaskRunner tasks, Clock clock, Messages messages) {
        this.history = history;
        this.tasks = tasks;
        this.clock = clock;
        this.messages = messages;
        if (!history.configured()) {
            message.set(messages.get("notifications.noAgent"));
        }
    }

    /** Whether there is an agent to ask; the view says plainly when there is not. */
    public boolean configured() {
        return history.configured();
    }

    /** The search the filters describe now. */
    public NotificationSearch query() {
        return NotificationSearch.recent().withAlert(alert.get()).withChannel(channel.get())
                .withRecipient(recipient.get()).withStatus(status.get()).withSince(window.get().since(clock.instant()));
    }

    /** Searches from the newest notification with the current filters; keeps the selection when it is still found, else selects the newest. */
    public void search() {
        if (!history.configured()) {
            return;
        }
        run(query(), false, "");
    }

    /** Appends the next page of the last search. */
    public void loadMore() {
        if (lastQuery != null && lastPage.more()) {
            run(lastQuery.after(lastPage), true, "");
        }
    }

    /** @param outcome what happened before this search (a resend), shown ahead of the count */
    private void run(NotificationSearch q, boolean append, String outcome) {
        if (pending != null) {
            pending.cancel();
        }
        busy.set(true);
        pending = tasks.submit("search notifications", () -> history.search(q), page -> {
            busy.set(false);
            lastQuery = append ? lastQuery : q;
            lastPage = page;
            String keep = selected.get() == null ? null : selected.get().id();
            if (append) {
                rows.addAll(page.items());
            } else {
                rows.setAll(page.items());
            }
            more.set(page.more());
            TreeSet<String> names = new TreeSet<>(channels);
            page.items().forEach(r -> names.add(r.channel()));
            names.remove("");
            if (!names.equals(new TreeSet<>(channels))) {
                channels.setAll(names);
            }
            // keep the selection when it is still listed, else show the newest so the detail is never blank
            selected.set(rows.stream().filter(r -> r.id().equals(keep)).findFirst()
                    .orElse(rows.isEmpty() ? null : rows.getFirst()));
            message.set(outcome + (rows.isEmpty() ? messages.get("notifications.noneFound")
                    : messages.format("notifications.found", rows.size(), page.more() ? "+" : "")));
        }, e -> {
            busy.set(false);
            message.set(messages.format("notifications.searchFailed", String.valueOf(e.getMessage())));
        });
    }

    /** Sends {@code record} again (the view asked for confirmation); the copy is a new delivery. */
    public void resend(NotificationRecord record) {
        if (record == null || resending.get()) {
            return;
        }
        resending.set(true);
        tasks.submit("resend notification", () -> history.resend(record.id()), copy -> {
            resending.set(false);
            String resent = messages.format("notifications.resent", copy.channel(), copy.recipient(), copy.status());
            message.set(resent);
            run(query(), false, resent + " ");
        }, e -> {
            resending.set(false);
            message.set(messages.format("notifications.resendFailed", String.valueOf(e.getMessage())));
        });
    }

    public StringProperty alertProperty() {
        return alert;
    }

    public StringProperty channelProperty() {
        return channel;
    }

    public StringProperty recipientProperty() {
        return recipient;
    }

    /** A status from {@link NotificationRecord#STATUSES}, or empty for any. */
    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<HistoryWindow> windowProperty() {
        return window;
    }

    /** The rows found, newest first. */
    public ObservableList<NotificationRecord> rows() {
        return rows;
    }

    /** Channel names seen so far, for the channel filter's suggestions. */
    public ObservableList<String> channels() {
        return channels;
    }

    public ObjectProperty<NotificationRecord> selectedProperty() {
        return selected;
    }

    /** The last search's count or error, a resend's outcome, or "no agent configured". */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether older notifications match too ({@link #loadMore}). */
    public ReadOnlyBooleanProperty moreProperty() {
        return more.getReadOnlyProperty();
    }

    /** While a resend is under way (the button is disabled). */
    public ReadOnlyBooleanProperty resendingProperty() {
        return resending.getReadOnlyProperty();
    }

    public Clock clock() {
        return clock;
    }

    /** The statuses offered by the filter, any first. */
    public static List<String> statusChoices() {
        List<String> out = new java.util.ArrayList<>();
        out.add("");
        out.addAll(NotificationRecord.STATUSES);
        return out;
    }
}
