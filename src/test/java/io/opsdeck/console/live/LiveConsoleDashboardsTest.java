package io.opsdeck.console.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.config.ConfigLoader;
import io.opsdeck.console.InMemoryPreferences;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window takes the role's dashboards from the catalogue once, when it is built; the folders are read in the
 * background, so the console waits for them before opening the window (with a fast toolkit start, a window built
 * before they were read had no dashboard at all).
 */
class LiveConsoleDashboardsTest {

    @TempDir
    Path dir;

    @Test
    void everyDashboardIsInTheCatalogueOnceAwaited() throws Exception {
        Path dashboards = Files.createDirectory(dir.resolve("dashboards"));
        for (int i = 0; i < 120; i++) { // enough files that reading them takes a while
            Files.copy(Path.of("dashboards", "dba.yaml"), dashboards.resolve("dba-%03d.yaml".formatted(i)));
        }
        Path file = Files.writeString(dir.resolve("opsdeck.yaml"), """
                prometheus:
                  - name: main
                    url: http://127.0.0.1:1
                alertmanager:
                  - name: am
                    url: http://127.0.0.1:2
                dashboards:
                  dirs: [dashboards]
                """);
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, Thread.ofVirtual().factory());
        try (LiveConsole live = LiveConsole.builder(ConfigLoader.builder().build().load(file), scheduler)
                .preferences(new InMemoryPreferences())
                .secretStore(io.opsdeck.console.ConsoleServices.secretStoreIn(dir.resolve("secrets")))
                .build()) {
            assertThat(live.awaitDashboards().services().dashboards().dashboards()).hasSize(120);
        } finally {
            scheduler.shutdownNow();
        }
    }
}
