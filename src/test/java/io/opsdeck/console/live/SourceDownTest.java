package io.opsdeck.console.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.config.ConfigLoader;
import io.opsdeck.console.ConsoleServices;
import io.opsdeck.console.InMemoryPreferences;
import io.opsdeck.console.SourceHealth;
import io.opsdeck.teststack.RealStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Its own stack, because it stops one of its Alertmanagers. */
class SourceDownTest {

    @RegisterExtension
    static final RealStack STACK = RealStack.builder()
            .alertmanagers(2)
            .prometheus((prometheus, stack) -> { })
            .build();

    @TempDir
    Path dir;

    @Test
    void stoppedAlertmanagerTurnsIntoAClearErrorWhileTheOthersStayFresh() throws Exception {
        Path file = Files.writeString(dir.resolve("opsdeck.yaml"), """
                prometheus:
                  - { name: main, url: "%s" }
                alertmanager:
                  - { name: am-1, url: "%s", cluster: ha }
                  - { name: am-2, url: "%s", cluster: ha }
                """.formatted(STACK.prometheus().baseUrl(), STACK.alertmanagers().get(0).baseUrl(),
                STACK.alertmanagers().get(1).baseUrl()));
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, Thread.ofVirtual().factory());
        try (LiveConsole live = LiveConsole.builder(ConfigLoader.builder().build().load(file), scheduler)
                .healthInterval(Duration.ofMillis(200)).alertInterval(Duration.ofMillis(200))
                .preferences(new InMemoryPreferences()).secretStore(ConsoleServices.secretStoreIn(dir.resolve("s")))
                .build()) {
            List<SourceHealth> changes = new CopyOnWriteArrayList<>();
            live.services().sourceHealth().subscribe(changes::add);
            await().atMost(Duration.ofSeconds(20)).until(() -> live.services().sourceHealth().current().stream()
                    .filter(h -> !h.name().equals("agent")).allMatch(h -> h.lastGoodAnswer() != null && h.lastError() == null));
            String stoppedUrl = STACK.alertmanagers().get(1).baseUrl().toString();
            STACK.alertmanagers().get(1).close();
            Instant stopped = Instant.now();

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                SourceHealth am2 = find(live, "am-2");
                assertThat(am2.lastError()).isNotNull()
                        .contains("am-2")
                        .contains("unreachable")
                        .contains(stoppedUrl.replaceAll("/$", "").replace("http://", ""));
                assertThat(am2.lastGoodAnswer()).isBefore(stopped);
                for (String fresh : List.of("main", "am-1")) {
                    assertThat(find(live, fresh).lastError()).isNull();
                    assertThat(find(live, fresh).lastGoodAnswer()).isAfter(stopped);
                }
            });
            assertThat(changes).anySatisfy(h -> assertThat(h.name()).isEqualTo("am-2"));
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static SourceHealth find(LiveConsole live, String name) {
        return live.services().sourceHealth().current().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    }
}
