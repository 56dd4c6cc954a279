package io.opsdeck.simulate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code opsdeck demo --headless} as its own JVM, the way a user runs it: whether it ends by {@code --duration} or
 * by SIGTERM, every process it started is gone afterwards and so is its temporary folder. Also the README's first
 * command: the console with nothing configured runs on the demo, and closing it stops the demo.
 */
class DemoProcessTest {

    private Process demo;
    private Thread reader;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void killLeftovers() {
        if (demo != null) {
            demo.descendants().forEach(ProcessHandle::destroyForcibly);
            demo.destroyForcibly();
        }
    }

    @Test
    void durationStopsEverythingItStartedAndRemovesItsFolder() throws Exception {
        start("--headless", "--duration", "20s");
        Running running = awaitReady();
        assertThat(demo.waitFor(90, TimeUnit.SECONDS)).as("demo ends after --duration 20s; output:\n%s", text()).isTrue();
        reader.join(10_000);
        assertThat(demo.exitValue()).as(text()).isZero();
        assertThat(text()).contains("20s passed, stopping", "stopping prometheus", "stopping simulator", "demo: stopped");
        assertNothingLeft(running);
    }

    @Test
    void sigtermStopsEverythingItStartedAndRemovesItsFolder() throws Exception {
        start("--headless");
        Running running = awaitReady();
        // SIGTERM through the handle: Process.destroy() also closes our end of its stdout, hiding what it says then.
        assertThat(demo.toHandle().destroy()).isTrue();
        assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as("demo exits on SIGTERM; output:\n%s", text()).isTrue();
        reader.join(10_000);
        assertNothingLeft(running);
        assertThat(text()).as("exit code %d", demo.exitValue())
                .contains("stopping prometheus", "stopping alertmanager", "stopping node_exporter");
    }

    @Test
    void consoleWithNothingConfiguredOpensOnTheDemoAndClosingItStopsEverything(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("opsdeck.yaml"), "operator: alice\n");
        Path screenshot = dir.resolve("console.png");
        // Headless rendering, as on a server; the screenshot option closes the window once it is written.
        start(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                        "-Dheadless.geometry=1920x1200-32"),
                "console", "--config", empty.toString(), "--role", "DBA",
                "--screenshot", screenshot.toString(), "--screenshot-after", "10s");
        Running running = awaitReady();
        assertThat(demo.waitFor(120, TimeUnit.SECONDS)).as("console closes after its screenshot; output:\n%s", text()).isTrue();
        reader.join(10_000);
        assertThat(demo.exitValue()).as(text()).isZero();
        assertThat(text()).contains("nothing configured", "Agent:", "stopping console", "stopping agent", "demo: stopped");
        assertThat(screenshot).isNotEmptyFile();
        assertNothingLeft(running);
    }

    /** The real processes the demo started and its folder, seen while it runs. */
    private record Running(List<ProcessHandle> children, Path dir) {
    }

    private void start(String... args) throws IOException {
        List<String> demoArgs = new ArrayList<>(List.of("demo"));
        demoArgs.addAll(List.of(args));
        start(List.of(), demoArgs.toArray(String[]::new));
    }

    private void start(List<String> jvmOptions, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dopsdeck.home=" + Path.of("").toAbsolutePath()));
        command.addAll(jvmOptions);
        command.add("io.opsdeck.cli.Main");
        command.addAll(List.of(args));
        demo = new ProcessBuilder(command).redirectErrorStream(true).start();
        reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.add(line);
                }
            } catch (IOException ended) {
                // the process is gone
            }
        });
    }

    private Running awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (output.stream().noneMatch(l -> l.startsWith("OpsDeck demo ready"))) {
            assertThat(demo.isAlive()).as("demo exited before it was ready; output:\n%s", text()).isTrue();
            assertThat(System.nanoTime()).as("demo not ready within 90 s; output:\n%s", text()).isLessThan(deadline);
            Thread.sleep(200);
        }
        List<ProcessHandle> children = demo.descendants().toList();
        List<String> commands = children.stream().map(p -> p.info().command().orElse("?")).toList();
        assertThat(commands).as("processes the demo started").anyMatch(c -> c.endsWith("/prometheus"))
                .anyMatch(c -> c.endsWith("alertmanager")).anyMatch(c -> c.endsWith("node-exporter"));
        Path dir = Path.of(output.stream().filter(l -> l.startsWith("Files:")).findFirst().orElseThrow()
                .substring("Files:".length()).strip());
        assertThat(dir).isDirectory();
        assertThat(dir.resolve("opsdeck.yaml")).isRegularFile();
        return new Running(children, dir);
    }

    private void assertNothingLeft(Running running) throws InterruptedException {
        for (ProcessHandle child : running.children()) {
            child.onExit().completeOnTimeout(child, 10, TimeUnit.SECONDS).join();
            assertThat(child.isAlive()).as("%s (pid %d) still running", child.info().command().orElse("?"), child.pid())
                    .isFalse();
        }
        assertThat(Files.exists(running.dir())).as("%s removed", running.dir()).isFalse();
    }

    private String text() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }
}
