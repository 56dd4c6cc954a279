package io.opsdeck.bench;

import io.opsdeck.simulate.FleetSpec;
import io.opsdeck.simulate.demo.Demo;
import io.opsdeck.simulate.demo.DemoStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Console start-up: time from JVM start to the first dashboard painted, as the console itself logs it with
 * {@code --exit-after-first-paint}, for {@code target/opsdeck.jar} run the way the {@code opsdeck} script runs it,
 * in a real X server (Xvfb) against the demo stack (simulator, Prometheus, Alertmanager; started here).
 *
 * <p>Modes, {@code runs} times each: <b>cold</b> = no class-data archive (removed before every run) and, when
 * this user may, the page cache dropped first; <b>cds</b> = the dynamic CDS archive the script makes on its first
 * run; <b>aot</b> = a JDK 25 AOT cache ({@code -XX:AOTCache}) made by one training run; then the aot runs again with
 * the page cache dropped before each (a start after a reboot). Arguments:
 * {@code runs (5) display (:97)}. Run from the checkout after {@code mvn package}. Every run gets the console's
 * default JVM options the checkout's launchers use ({@code OPSDECK_CONSOLE_DEFAULT_OPTS} in
 * {@code scripts/lib/launch.sh}, else in the {@code opsdeck} script of older checkouts; none when neither has the
 * line), or {@code -Dbench.consoleOpts="..."} instead ("" for none).
 */
public final class StartupBench {

    private static final Pattern PAINTED = Pattern.compile("first dashboard painted after (\\d+) ms since JVM start \\((-?\\d+) ms CPU\\)(?:, FX thread (\\d+) ms CPU)?");

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String display = args.length > 1 ? args[1] : ":97";
        Path checkout = Path.of("").toAbsolutePath();
        Path jar = checkout.resolve("target/opsdeck.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn -DskipTests package first");
        }
        Path work = Files.createTempDirectory("opsdeck-startup-");
        Process xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", "1920x1080x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(work.resolve("xvfb.log").toFile()).start();
        List<String> report = new ArrayList<>();
        try (DemoStack stack = Demo.builder().noScenario().fleet(FleetSpec.parse("web=6,db=3,ml=3")).headless(true)
                .simulatorPort(0).build().start()) {
            TimeUnit.SECONDS.sleep(15); // a few scrapes, so the first dashboard has data to ask for
            List<String> opts = consoleOpts(checkout);
            System.out.println("JVM options of every run: " + opts);
            Runner r = new Runner(jar, stack.configFile(), checkout, work, display, opts, new ArrayList<>(), new ArrayList<>());
            Path jsa = work.resolve("opsdeck.jsa");
            Path aot = work.resolve("opsdeck.aot");
            List<String> cds = List.of("-XX:SharedArchiveFile=" + jsa, "-XX:+AutoCreateSharedArchive",
                    "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
            r.once("warm-up (not counted)", List.of());
            List<Long> cold = new ArrayList<>();
            boolean dropped = false;
            for (int i = 0; i < runs; i++) {
                Files.deleteIfExists(jsa);
                dropped = dropCaches();
                cold.add(r.once("cold " + i, cds)); // creates the archive at exit, as the script's first run does
            }
            List<Long> warm = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                warm.add(r.once("cds " + i, cds));
            }
            r.once("aot training", List.of("-XX:AOTCacheOutput=" + aot));
            List<Long> aotRuns = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                aotRuns.add(r.once("aot " + i, List.of("-XX:AOTCache=" + aot)));
            }
            // a start after a reboot: the cache the script made on an earlier run is there, the page cache is not
            List<Long> aotColdRuns = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                dropCaches();
                aotColdRuns.add(r.once("aot, page cache dropped " + i, List.of("-XX:AOTCache=" + aot)));
            }
            report.add("console start-up to first dashboard painted, " + runs + " runs each, "
                    + Runtime.getRuntime().availableProcessors() + " CPUs, Java " + Runtime.version()
                    + ", load average " + Files.readString(Path.of("/proc/loadavg")).trim() + ", JVM options " + opts);
            List<Long> cpu = r.cpu(); // warm-up, cold..., cds..., training, aot...
            List<Long> fx = r.fxCpu(); // the same runs; -1 from a build that does not log it
            report.add(line("cold (no archive" + (dropped ? ", page cache dropped" : ", page cache NOT dropped") + ")", cold));
            report.add(line("  CPU", cpu.subList(1, 1 + runs)));
            report.add(line("  FX thread CPU", fx.subList(1, 1 + runs)));
            report.add(line("warm, dynamic CDS archive", warm));
            report.add(line("  CPU", cpu.subList(1 + runs, 1 + 2 * runs)));
            report.add(line("  FX thread CPU", fx.subList(1 + runs, 1 + 2 * runs)));
            report.add(line("warm, JDK AOT cache", aotRuns));
            report.add(line("  CPU", cpu.subList(2 + 2 * runs, 2 + 3 * runs)));
            report.add(line("  FX thread CPU", fx.subList(2 + 2 * runs, 2 + 3 * runs)));
            report.add(line("JDK AOT cache, page cache dropped" + (dropped ? "" : " (NOT dropped)"), aotColdRuns));
            report.add(line("  CPU", cpu.subList(2 + 3 * runs, 2 + 4 * runs)));
            report.add(line("  FX thread CPU", fx.subList(2 + 3 * runs, 2 + 4 * runs)));
        } finally {
            xvfb.destroy();
        }
        report.forEach(System.out::println);
        Files.write(work.resolve("summary.txt"), report);
        System.exit(0);
    }

    private static String line(String mode, List<Long> ms) {
        List<Long> sorted = ms.stream().sorted().toList();
        return String.format(Locale.ROOT, "%-45s median %5d ms  min %5d  max %5d  all %s", mode,
                sorted.get(sorted.size() / 2), sorted.getFirst(), sorted.getLast(), ms);
    }

    /**
     * The console's default JVM options, as the launchers in {@code checkout} pass them: scripts/lib/launch.sh
     * holds them since the installed launcher shares them; older checkouts kept them in the {@code opsdeck} script.
     */
    private static List<String> consoleOpts(Path checkout) throws IOException {
        String given = System.getProperty("bench.consoleOpts");
        if (given == null) {
            given = "";
            Pattern line = Pattern.compile("(?m)^OPSDECK_CONSOLE_DEFAULT_OPTS=\"([^\"]*)\"");
            for (Path script : List.of(checkout.resolve("scripts/lib/launch.sh"), checkout.resolve("opsdeck"))) {
                Matcher m = line.matcher(Files.isRegularFile(script) ? Files.readString(script) : "");
                if (m.find()) {
                    given = m.group(1);
                    break;
                }
            }
        }
        return given.isBlank() ? List.of() : List.of(given.trim().split("\\s+"));
    }

    /** Drops the page cache when this user may (root outside a read-only /proc); false otherwise. */
    private static boolean dropCaches() {
        try {
            new ProcessBuilder("sync").start().waitFor();
            Files.writeString(Path.of("/proc/sys/vm/drop_caches"), "3\n");
            return true;
        } catch (IOException | InterruptedException | SecurityException e) {
            return false;
        }
    }

    /** Runs the jar the way the opsdeck script does, with extra JVM options. */
    private record Runner(Path jar, Path config, Path checkout, Path work, String display, List<String> opts, List<Long> cpu,
                          List<Long> fxCpu) {
        long once(String label, List<String> jvm) throws Exception {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            cmd.addAll(opts);
            cmd.addAll(jvm);
            cmd.addAll(List.of("-Dopsdeck.home=" + checkout, "-Duser.home=" + work.resolve("home"), "-jar", jar.toString(),
                    "console", "--config", config.toString(), "--role", "DevOps", "--exit-after-first-paint"));
            Path log = work.resolve(label.replace(' ', '-') + ".log");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = pb.environment();
            env.put("DISPLAY", display);
            env.remove("WAYLAND_DISPLAY");
            Process p = pb.start();
            if (!p.waitFor(3, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(label + ": no first paint within 3 minutes; see " + log);
            }
            Matcher m = PAINTED.matcher(Files.readString(log));
            if (!m.find()) {
                throw new IllegalStateException(label + ": exited " + p.exitValue() + " without a first paint; see " + log);
            }
            long ms = Long.parseLong(m.group(1));
            long fx = m.group(3) == null ? -1 : Long.parseLong(m.group(3));
            System.out.println(label + ": " + ms + " ms, " + m.group(2) + " ms CPU, FX thread " + fx + " ms CPU");
            cpu.add(Long.parseLong(m.group(2)));
            fxCpu.add(fx);
            return ms;
        }
    }
}
