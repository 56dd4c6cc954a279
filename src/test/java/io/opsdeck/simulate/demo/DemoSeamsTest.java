package io.opsdeck.simulate.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsdeck.simulate.FleetSpec;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The agent and console seams on a real demo stack: what a launcher is given, that closing the console stops the
 * demo, and that the parts stop in reverse order. The launchers here are stand-ins for the agent and console,
 * which are not in this build.
 */
class DemoSeamsTest {

    private static final DemoHome HOME = new DemoHome(Path.of("").toAbsolutePath());

    private final List<String> events = new CopyOnWriteArrayList<>();

    private DemoPart part(String name) {
        events.add("start " + name);
        return new DemoPart() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void close() {
                events.add("close " + name);
            }
        };
    }

    @Test
    void closingTheConsoleStopsTheDemoAndEveryPartStopsInReverseOrder() throws Exception {
        AtomicReference<DemoContext> given = new AtomicReference<>();
        List<String> said = new CopyOnWriteArrayList<>();
        DemoStack stack = Demo.builder().fleet(FleetSpec.parse("web=1,db=1")).noScenario().home(HOME)
                .simulatorPort(0).listener(said::add)
                .agent(ctx -> Optional.of(part("agent")))
                .console(ctx -> {
                    given.set(ctx);
                    return Optional.of(part("console"));
                })
                .build().start();
        Path dir = stack.dir();
        try {
            DemoContext ctx = given.get();
            assertThat(stack.parts()).containsExactly("simulator", "node_exporter", "alertmanager", "prometheus",
                    "agent", "console");
            assertThat(Files.readString(ctx.configFile())).contains("url: " + ctx.prometheus(),
                    "url: " + ctx.alertmanager());
            assertThat(Files.readString(dir.resolve("alertmanager/alertmanager.yml")))
                    .contains("url: http://127.0.0.1:" + ctx.agentPort() + "/api/v1/alertmanager/webhook")
                    .doesNotContain("9095");
            assertThat(stack.urls().agent()).contains(URI.create("http://127.0.0.1:" + ctx.agentPort()));
            assertThat(stack.summary()).anyMatch(l -> l.contains("opsdeck simulate fault db-1 disk_fill")
                    && l.contains(ctx.simulator().toString()));

            ctx.stop().run();   // the console window was closed
            assertThat(stack.awaitStop(Duration.ofSeconds(5))).isTrue();
        } finally {
            stack.close();
        }
        assertThat(events).containsExactly("start agent", "start console", "close console", "close agent");
        assertThat(said).containsSubsequence("stopping console", "stopping agent", "stopping prometheus",
                "stopping alertmanager", "stopping node_exporter", "stopping simulator");
        assertThat(dir).doesNotExist();
    }

    @Test
    void aLauncherThatFailsStopsWhatStartedAndNamesThePart() throws Exception {
        List<String> said = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> Demo.builder().fleet(FleetSpec.parse("web=1")).noScenario().home(HOME)
                .simulatorPort(0).headless(true).listener(said::add)
                .agent(ctx -> {
                    throw new IllegalStateException("port " + ctx.agentPort() + " refused");
                })
                .build().start())
                .isInstanceOf(DemoException.class).hasMessageStartingWith("agent did not start: port ");
        assertThat(said).contains("stopping prometheus", "stopping simulator");
    }

    @Test
    void keepLeavesTheFolderWithConfigsAndLogs() throws Exception {
        DemoStack stack = Demo.builder().fleet(FleetSpec.parse("ml=1")).noScenario().home(HOME).simulatorPort(0)
                .headless(true).keep(true).build().start();
        stack.close();
        try {
            assertThat(stack.dir().resolve("opsdeck.yaml")).isRegularFile();
            assertThat(stack.dir().resolve("prometheus/prometheus.yml")).isRegularFile();
        } finally {
            try (var files = Files.walk(stack.dir())) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
