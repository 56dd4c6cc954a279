package io.opsdeck.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.console.DashboardVariable;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The variables bar takes no room for a dashboard without variables and comes back with the next one that has some. */
class VariablesBarUiTest {

    private final ObservableList<DashboardVariable> variables = FXCollections.observableArrayList();
    private final List<String> picked = new ArrayList<>();
    private VariablesBar bar;

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void noVariablesNoBarThenABarWithEachVariable() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            bar = new VariablesBar(variables, (name, value) -> picked.add(name + "=" + value));
            stage.setScene(new Scene(new VBox(bar), 800, 200));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bar.isVisible()).isFalse();
        assertThat(bar.isManaged()).as("takes no room in the shell's layout").isFalse();

        WaitForAsyncUtils.asyncFx(() -> variables.setAll(new DashboardVariable("instance", List.of("web-1", "web-2"), "web-1"))).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bar.isVisible()).isTrue();
        assertThat(bar.isManaged()).isTrue();
        @SuppressWarnings("unchecked")
        ComboBox<String> box = (ComboBox<String>) bar.lookup("#variable-instance");
        assertThat(box.getItems()).containsExactly("web-1", "web-2");
        WaitForAsyncUtils.asyncFx(() -> box.setValue("web-2")).get();
        assertThat(picked).containsExactly("instance=web-2");

        WaitForAsyncUtils.asyncFx(variables::clear).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bar.isManaged()).isFalse();
    }
}
