package io.opsdeck.console.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.config.ConfigLoader;
import io.opsdeck.config.OpsdeckConfig;
import io.opsdeck.console.InMemoryPreferences;
import io.opsdeck.console.SourceHealth;
import io.opsdeck.teststack.RealStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LiveConsole.Builder#pollAfter}: the console's pollers wait for the first dashboard painted, against a real
 * Prometheus (scraping a node_exporter) and Alertmanager.
 */
class LiveConsolePollAfterTest {

    @RegisterExtension
    static final RealStack STACK = RealStack.builder()
            .nodeExporter()
            .alertmanagers(1)
            .prometheus((prometheus, stack) -> prometheus.scrape("node", List.of(stack.nodeExporter().target())))
            .build();

    @TempDir
    Path dir;

    private ScheduledExecutorService scheduler;
    private final CompletableFuture<Void> painted = new CompletableFuture<>();
    private LiveConsole live;

    @BeforeEach
    void start() throws Exception {
        Path file = Files.writeString(dir.resolve("opsdeck.yaml"), """
                prometheus:
                  - name: main
                    url: %s
                alertmanager:
                  - name: am
                    url: "%s"
                """.formatted(STACK.prometheus().baseUrl(), STACK.alertmanager().baseUrl()));
        OpsdeckConfig config = ConfigLoader.builder().build().load(file);
        scheduler = Executors.newScheduledThreadPool(2, Thread.ofVirtual().factory());
        live = LiveConsole.builder(config, scheduler)
                .healthInterval(Duration.ofMillis(100))
                .alertInterval(Duration.ofMillis(100))
                .hostInterval(Duration.ofMillis(100))
                .preferences(new InMemoryPreferences())
                .secretStore(io.opsdeck.console.ConsoleServices.secretStoreIn(dir.resolve("secrets")))
                .pollAfter(painted)
                .build();
    }

    @AfterEach
    void stop() {
        live.close();
        scheduler.shutdownNow();
    }

    @Test
    void sourcesAreFirstAskedWhenTheSignalComes() {
        // a dozen poll intervals without the signal: nobody has been asked
        await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(live.services().sourceHealth().current()).filteredOn(h -> !h.name().equals("agent"))
                    .allSatisfy(LiveConsolePollAfterTest::neverAsked);
            assertThat(live.services().hosts().hosts()).isEmpty();
        });

        painted.complete(null);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(live.services().sourceHealth().current()).filteredOn(h -> !h.name().equals("agent"))
                    .extracting(SourceHealth::name).containsExactly("main", "am");
            assertThat(live.services().sourceHealth().current()).filteredOn(h -> !h.name().equals("agent"))
                    .allSatisfy(h -> assertThat(h.lastGoodAnswer()).as(h.name()).isNotNull());
            assertThat(live.services().hosts().hosts()).isNotEmpty();
        });
    }

    @Test
    void aSignalAfterTheConsoleClosedStartsNothing() {
        live.close();
        painted.complete(null);

        await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(live.services().sourceHealth().current()).filteredOn(h -> !h.name().equals("agent"))
                    .allSatisfy(LiveConsolePollAfterTest::neverAsked);
            assertThat(live.services().hosts().hosts()).isEmpty();
        });
    }

    private static void neverAsked(SourceHealth h) {
        assertThat(h.lastGoodAnswer()).as(h.name()).isNull();
        assertThat(h.lastError()).as(h.name()).isNull();
    }
}
