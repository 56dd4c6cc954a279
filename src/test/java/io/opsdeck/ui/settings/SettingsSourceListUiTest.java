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
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The source list says where each secret lives even when it is a long token file path: on the demo the agent's row
 * read "•••••••• file ..." and nothing else.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsSourceListUiTest {

    private static final String TOKEN = "/home/operator/.local/state/opsdeck/opsdeck-demo-2244945362549990926/agent/console.token";

    @TempDir
    static Path dir;

    @Start
    void start(Stage stage) {
        var store = new InMemorySourceSettingsStore(List.of(new SourceSettings("agent", SourceKind.AGENT,
                "http://127.0.0.1:44613", new SecretRef(SecretRef.Kind.FILE, TOKEN))));
        var vm = new SettingsViewModel(store, s -> ConnectionTestResult.ok("ready", Duration.ofMillis(1)),
                new FileSecretStore(dir), TaskRunner.sameThread(), Messages.english());
        stage.setScene(new Scene(new SettingsView(vm, Messages.english()), 1000, 700));
        stage.show();
    }

    @Test
    void aLongTokenFilePathKeepsItsEndAndIsWholeOnHover(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Label secret = robot.lookup("#source-secret").queryAs(Label.class);
        String shown = ((Text) secret.lookup(".text")).getText();

        assertThat(secret.getHeight()).as("one line").isLessThan(2 * secret.getFont().getSize() + 2);
        assertThat(shown).startsWith("••••••••  file /home/").endsWith("console.token");
        assertThat(secret.getTooltip().getText()).isEqualTo("••••••••  file " + TOKEN);
    }
}
