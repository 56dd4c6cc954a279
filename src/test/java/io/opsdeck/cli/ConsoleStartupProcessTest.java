package io.opsdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.util.JitPriority;
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
 * {@code --exit-after-first-paint} leaves with 0. The source pollers start only after that paint, and the JIT's
 * compiler threads run at nice 19.
 */
class ConsoleStartupProcessTest {

    @TempDir
    Path dir;

    private Path configWithSourcesDown() throws Exception {
        Path dashboards = Files.createDirectory(dir.resolve("dashboards"));
        Files.copy(Path.of("dashboards", "dba.yaml"), dashboards.resolve("dba.yaml"));
        return Files.writeString(dir.resolve("opsdeck.yaml"), """
                prometheus:
                  - name: main
                    url: http://127.0.0.1:1
                alertmanager:
                  - name: am
                    url: http://127.0.0.1:2
                dashboards:
                  dirs: [dashboards]
                """);
    }

    /** {@code niceOfCompilerThreads}: the highest nice value seen on the JVM's compiler threads while it ran. */
    private record Ended(boolean ended, int code, String output, int niceOfCompilerThreads) {
    }

    /** Runs {@code opsdeck console ARGS} in its own JVM on headless Monocle, for at most three minutes. */
    private Ended console(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dheadless.geometry=1280x800-32", "-Djava.awt.headless=true", "-Duser.home=" + dir.resolve("home"),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "console"));
        cmd.addAll(List.of(args));
        Path log = dir.resolve("console.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int nice = Integer.MIN_VALUE;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (p.isAlive() && System.nanoTime() < deadline) {
            nice = Math.max(nice, niceOfCompilerThreads(p.pid()));
            TimeUnit.MILLISECONDS.sleep(20);
        }
        boolean ended = p.waitFor(0, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly().waitFor();
        }
        return new Ended(ended, p.exitValue(), Files.readString(log), nice);
    }

    /** The highest nice value of the compiler threads of process {@code pid} now ({@link JitPriority} finds them). */
    private static int niceOfCompilerThreads(long pid) {
        int nice = Integer.MIN_VALUE;
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        for (long thread : JitPriority.compilerThreads(tasks)) {
            try {
                String stat = Files.readString(tasks.resolve(Long.toString(thread)).resolve("stat"));
                // fields after the command in parentheses: state is field 3, nice field 19
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                nice = Math.max(nice, Integer.parseInt(fields[19 - 3]));
            } catch (java.io.IOException e) {
                // the thread or the process ended
            }
        }
        return nice;
    }

    @Test
    void consoleWithEverySourceDownPaintsItsFirstDashboardAndLeaves() throws Exception {
        Path config = configWithSourcesDown();
        Ended run = console("--config", config.toString(), "--role", "DBA", "--exit-after-first-paint");
        String output = run.output();
        assertThat(run.ended()).as("the console should leave after its first paint; output:%n%s", output).isTrue();
        assertThat(run.code()).as(output).isZero();
        assertThat(output).contains("first dashboard painted after", "showing its error instead of panels");
        assertThat(run.niceOfCompilerThreads()).as("the JIT's threads yield to the window's (JitPriority)").isEqualTo(19);
        // the pollers wait for the first paint: a refused health check can only be logged after it
        int painted = output.indexOf("first dashboard painted after");
        int refused = output.indexOf("is not answering");
        assertThat(refused == -1 || refused > painted).as("health polled before the first paint:%n%s", output).isTrue();
    }

    @Test
    void aWindowOpenedOnAnotherSectionStartsThePollersWithoutADashboard() throws Exception {
        Path config = configWithSourcesDown();
        // the Silences section first: no dashboard is ever painted, so only the wait after the window shows
        // (ConsoleLauncher.NO_PAINT_WAIT) can start the pollers; the screenshot ends the run well after it
        Ended run = console("--config", config.toString(), "--role", "DBA", "--section", "silences",
                "--screenshot", dir.resolve("silences.png").toString(), "--screenshot-after", "15s");
        String output = run.output();
        assertThat(run.ended()).as(output).isTrue();
        assertThat(run.code()).as(output).isZero();
        assertThat(output).doesNotContain("first dashboard painted after");
        // the health pollers ran while the window was open (the end of the run starts them too): they report the
        // refused sources before the screenshot is taken
        int refused = output.indexOf("is not answering");
        assertThat(refused).as("no health poll:%n%s", output).isNotNegative();
        assertThat(refused).as("health polled only at the end:%n%s", output).isLessThan(output.indexOf("Screenshot written to"));
    }
}
