package io.opsdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code opsdeck console} end to end in a JVM of its own (headless Monocle): the CLI fast path, the toolkit
 * started while the services are built, the window waiting for the dashboards, and the first paint. Its sources
 * refuse connections, so the first dashboard shows its error, which counts as painted, and
 * {@code --exit-after-first-paint} leaves with 0. The source pollers start only after that paint.
 */
class ConsoleStartupProcessTest {

    @TempDir
    Path dir;

    @Test
    void consoleWithEverySourceDownPaintsItsFirstDashboardAndLeaves() throws Exception {
        Path dashboards = Files.createDirectory(dir.resolve("dashboards"));
        Files.copy(Path.of("dashboards", "dba.yaml"), dashboards.resolve("dba.yaml"));
        Path config = Files.writeString(dir.resolve("opsdeck.yaml"), """
                prometheus:
                  - name: main
                    url: http://127.0.0.1:1
                alertmanager:
                  - name: am
                    url: http://127.0.0.1:2
                dashboards:
                  dirs: [dashboards]
                """);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dheadless.geometry=1280x800-32", "-Djava.awt.headless=true", "-Duser.home=" + dir.resolve("home"),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "console", "--config", config.toString(), "--role", "DBA", "--exit-after-first-paint"));
        Path log = dir.resolve("console.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = p.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            p.destroyForcibly().waitFor();
        }
        String output = Files.readString(log);
        assertThat(ended).as("the console should leave after its first paint; output:%n%s", output).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("first dashboard painted after", "showing its error instead of panels");
        // the pollers wait for the first paint: a refused health check can only be logged after it
        int painted = output.indexOf("first dashboard painted after");
        int refused = output.indexOf("is not answering");
        assertThat(refused == -1 || refused > painted).as("health polled before the first paint:%n%s", output).isTrue();
    }
}
