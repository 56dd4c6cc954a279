package io.opsdeck.ui.settings;

import io.opsdeck.console.ConnectionTestResult;
import io.opsdeck.console.ConnectionTester;
import io.opsdeck.console.SecretRef;
import io.opsdeck.console.SecretStore;
import io.opsdeck.console.SourceKind;
import io.opsdeck.console.SourceSettings;
import io.opsdeck.console.SourceSettingsStore;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.TaskHandle;
import io.opsdeck.ui.common.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Settings view's state: the source list and an editor whose "Test connection" and "Save" run in the
 * background (cancellable), with the secret typed once and kept only as a reference.
 */
public final class SettingsViewModel {

    private final SourceSettingsStore store;
    private final ConnectionTester tester;
    private final SecretStore secrets;
    private final TaskRunner tasks;
    private final Messages messages;
    private final ObservableList<SourceSettings> sources = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<SourceKind> kind = new SimpleObjectProperty<>(SourceKind.PROMETHEUS);
    private final StringProperty url = new SimpleStringProperty("");
    private final ObjectProperty<SecretMode> secretMode = new SimpleObjectProperty<>(SecretMode.NONE);
    private final StringProperty envName = new SimpleStringProperty("");
    private final StringProperty secret = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty messageOk = new SimpleBooleanProperty(true);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private SecretRef existing;
    private TaskHandle running;

    public SettingsViewModel(SourceSettingsStore store, ConnectionTester tester, SecretStore secrets, TaskRunner tasks,
                             Messages messages) {
        this.store = store;
        this.tester = tester;
        this.secrets = secrets;
        this.tasks = tasks;
        this.messages = messages;
    }

    /** Loads the list in the background. */
    public void load() {
        tasks.submit("load sources", store::list, sources::setAll, e -> report(false, messages.format("settings.loadFailed", e.getMessage())));
    }

    /** Fills the editor with a source (its secret stays where it is: mode KEEP). */
    public void edit(SourceSettings s) {
        name.set(s.name());
        kind.set(s.kind());
        url.set(s.url());
        existing = s.secret();
        secretMode.set(existing == null ? SecretMode.NONE : SecretMode.KEEP);
        envName.set(existing != null && existing.kind() == SecretRef.Kind.ENV ? existing.location() : "");
        secret.set("");
        report(true, "");
    }

    public void newSource() {
        name.set("");
        kind.set(SourceKind.PROMETHEUS);
        url.set("http://127.0.0.1:9090");
        existing = null;
        secretMode.set(SecretMode.NONE);
        envName.set("");
        secret.set("");
        report(true, "");
    }

    /** Tests the editor's source with its current (stored or environment) secret reference. */
    public void testConnection() {
        SourceSettings s = current(referenceWithoutStoring());
        start("test " + s.name(), () -> tester.test(s), r -> {
            ConnectionTestResult result = (ConnectionTestResult) r;
            report(result.ok(), result.ok()
                    ? messages.format("settings.testOk", result.message(), result.took().toMillis())
                    : messages.format("settings.testFailed", result.message(), result.took().toMillis()));
        }, messages.get("settings.testing"));
    }

    /** Stores a typed secret (file or keyring), then saves the source; the typed text is cleared either way. */
    public void save() {
        if (name.get().isBlank() || url.get().isBlank()) {
            report(false, messages.get("settings.nameAndUrlRequired"));
            return;
        }
        if ((secretMode.get() == SecretMode.FILE || secretMode.get() == SecretMode.KEYRING) && secret.get().isEmpty()) {
            report(false, messages.get("settings.secretRequired"));
            return;
        }
        SecretMode mode = secretMode.get();
        char[] typed = secret.get().toCharArray();
        secret.set("");
        String sourceName = name.get().trim();
        start("save " + sourceName, () -> {
            try {
                SecretRef ref = switch (mode) {
                    case FILE -> secrets.storeInFile(sourceName, typed);
                    case KEYRING -> secrets.storeInKeyring(sourceName, typed);
                    default -> referenceWithoutStoring();
                };
                SourceSettings s = new SourceSettings(sourceName, kind.get(), url.get().trim(), ref);
                store.save(s);
                return store.list();
            } finally {
                java.util.Arrays.fill(typed, '\0');
            }
        }, list -> {
            @SuppressWarnings("unchecked")
            java.util.List<SourceSettings> all = (java.util.List<SourceSettings>) list;
            sources.setAll(all);
            all.stream().filter(s -> s.name().equals(sourceName)).findFirst().ifPresent(this::edit);
            report(true, messages.format("settings.saved", sourceName));
        }, messages.get("settings.saving"));
    }

    /** Stops a running test or save; its outcome is dropped. */
    public void cancel() {
        if (running != null) {
            running.cancel();
            running = null;
            busy.set(false);
            report(false, messages.get("settings.cancelled"));
        }
    }

    /** Why the keyring option cannot work here, or empty. */
    public String keyringNote() {
        return secrets.keyringUnavailableReason().orElse("");
    }

    /** A secret as the operator may see it: always masked, with where it lives. */
    public String masked(SecretRef ref) {
        if (ref == null) {
            return messages.get("settings.noSecret");
        }
        return messages.format("settings.maskedSecret", switch (ref.kind()) {
            case ENV -> messages.format("settings.whereEnv", ref.location());
            case FILE -> messages.format("settings.whereFile", ref.location());
            case KEYRING -> messages.format("settings.whereKeyring", ref.location());
        });
    }

    /** The reference the editor currently stands for, for the masked display. */
    public SecretRef existingSecret() {
        return existing;
    }

    private SecretRef referenceWithoutStoring() {
        return switch (secretMode.get()) {
            case NONE -> null;
            case ENV -> envName.get().isBlank() ? null : new SecretRef(SecretRef.Kind.ENV, envName.get().trim());
            default -> existing;
        };
    }

    private SourceSettings current(SecretRef ref) {
        String n = name.get().isBlank() ? messages.get("settings.unnamed") : name.get().trim();
        return new SourceSettings(n, kind.get(), url.get().trim(), ref);
    }

    private void start(String what, java.util.concurrent.Callable<?> work, java.util.function.Consumer<Object> done, String progress) {
        cancel();
        busy.set(true);
        report(true, progress);
        running = tasks.submit(what, work::call, r -> {
            busy.set(false);
            running = null;
            done.accept(r);
        }, e -> {
            busy.set(false);
            running = null;
            report(false, messages.format("settings.failed", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        });
        if (!busy.get()) {
            running = null;
        }
    }

    private void report(boolean ok, String text) {
        messageOk.set(ok);
        message.set(text);
    }

    public ObservableList<SourceSettings> sources() { return sources; }
    public StringProperty nameProperty() { return name; }
    public ObjectProperty<SourceKind> kindProperty() { return kind; }
    public StringProperty urlProperty() { return url; }
    public ObjectProperty<SecretMode> secretModeProperty() { return secretMode; }
    public StringProperty envNameProperty() { return envName; }
    /** Bound to the PasswordField; cleared as soon as Save takes it. */
    public StringProperty secretProperty() { return secret; }
    public StringProperty messageProperty() { return message; }
    public BooleanProperty messageOkProperty() { return messageOk; }
    public BooleanProperty busyProperty() { return busy; }
}
