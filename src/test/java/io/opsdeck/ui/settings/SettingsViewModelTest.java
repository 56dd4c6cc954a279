package io.opsdeck.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.console.ConnectionTestResult;
import io.opsdeck.console.FileSecretStore;
import io.opsdeck.console.InMemorySourceSettingsStore;
import io.opsdeck.console.SecretRef;
import io.opsdeck.console.SourceKind;
import io.opsdeck.console.SourceSettings;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.TaskRunner;
import io.opsdeck.ui.common.UiExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelTest {

    @TempDir
    Path dir;

    private final InMemorySourceSettingsStore store = new InMemorySourceSettingsStore(List.of());
    private final List<SourceSettings> tested = new ArrayList<>();

    private SettingsViewModel vm(TaskRunner tasks) {
        return new SettingsViewModel(store, s -> {
            tested.add(s);
            return s.url().contains("9090") ? ConnectionTestResult.ok("ready", Duration.ofMillis(7))
                    : ConnectionTestResult.failed("connection refused", Duration.ofMillis(3));
        }, new FileSecretStore(dir), tasks, Messages.english());
    }

    @Test
    void typedSecretIsStoredOnceAsAFileReferenceAndShownMasked() throws Exception {
        SettingsViewModel vm = vm(TaskRunner.sameThread());
        vm.newSource();
        vm.nameProperty().set("prom");
        vm.secretModeProperty().set(SecretMode.FILE);
        vm.secretProperty().set("hunter2");
        vm.save();
        assertThat(vm.secretProperty().get()).isEmpty();
        SourceSettings saved = store.list().getFirst();
        assertThat(saved.secret().kind()).isEqualTo(SecretRef.Kind.FILE);
        assertThat(Files.readString(Path.of(saved.secret().location()))).isEqualTo("hunter2");
        assertThat(saved.toString()).doesNotContain("hunter2");
        assertThat(vm.masked(saved.secret())).startsWith("••••••••").contains("file ").doesNotContain("hunter2");
        assertThat(vm.secretModeProperty().get()).isEqualTo(SecretMode.KEEP);
        assertThat(vm.messageProperty().get()).isEqualTo("Saved prom");
    }

    @Test
    void keyringThatIsNotThereSaysSoAndSavesNothing() throws Exception {
        SettingsViewModel vm = vm(TaskRunner.sameThread());
        vm.newSource();
        vm.nameProperty().set("am");
        vm.secretModeProperty().set(SecretMode.KEYRING);
        vm.secretProperty().set("token");
        vm.save();
        assertThat(vm.messageOkProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).contains("not available on this desktop");
        assertThat(store.list()).isEmpty();
    }

    @Test
    void testConnectionUsesTheEnvironmentReferenceAndReportsTheResult() {
        SettingsViewModel vm = vm(TaskRunner.sameThread());
        vm.newSource();
        vm.nameProperty().set("prom");
        vm.secretModeProperty().set(SecretMode.ENV);
        vm.envNameProperty().set("PROM_TOKEN");
        vm.testConnection();
        assertThat(tested.getFirst().secret()).isEqualTo(new SecretRef(SecretRef.Kind.ENV, "PROM_TOKEN"));
        assertThat(vm.messageProperty().get()).isEqualTo("OK: ready (7 ms)");
        vm.urlProperty().set("http://127.0.0.1:1");
        vm.testConnection();
        assertThat(vm.messageOkProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("Failed: connection refused (3 ms)");
    }

    @Test
    void aRunningTestCanBeCancelledAndItsResultIsDropped() {
        List<Runnable> background = new ArrayList<>();
        Executor later = background::add;
        SettingsViewModel vm = vm(new TaskRunner(later, UiExecutor.sameThread()));
        vm.newSource();
        vm.nameProperty().set("prom");
        vm.testConnection();
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("Testing the connection…");
        vm.cancel();
        background.forEach(Runnable::run);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("Cancelled");
        assertThat(tested).isEmpty();
    }

    @Test
    void aSourceNeedsANameAndUrl() {
        SettingsViewModel vm = vm(TaskRunner.sameThread());
        vm.newSource();
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo("A source needs a name and a URL");
        vm.edit(new SourceSettings("x", SourceKind.AGENT, "http://127.0.0.1:9100", new SecretRef(SecretRef.Kind.ENV, "T")));
        assertThat(vm.secretModeProperty().get()).isEqualTo(SecretMode.KEEP);
        assertThat(vm.envNameProperty().get()).isEqualTo("T");
    }
}
