package io.opsdeck.simulate.demo;

import io.opsdeck.simulate.stack.Binaries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure Prometheus, Alertmanager and node_exporter are installed, installing the Debian packages with
 * {@code apt-get install -y --no-install-recommends} when running as root or with passwordless sudo. Anywhere
 * else it fails with the exact command to run.
 */
public final class StackInstaller {

    /** The binaries the demo starts. */
    public static final List<Binaries> NEEDED = List.of(Binaries.PROMETHEUS, Binaries.ALERTMANAGER,
            Binaries.NODE_EXPORTER);

    private StackInstaller() {
    }

    /** What this machine allows. */
    public record Machine(boolean debian, boolean root, boolean passwordlessSudo) {

        public static Machine detect() {
            boolean debian = Files.isRegularFile(Path.of("/etc/debian_version")) && Files.isExecutable(Path.of("/usr/bin/apt-get"));
            boolean root = false;
            try {
                root = ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                // not Linux: no root detection, fall through to sudo
            }
            return new Machine(debian, root, !root && run(List.of("sudo", "-n", "true"), null) == 0);
        }
    }

    /** Either a command that installs {@code packages}, or a refusal saying what the user must do. */
    public record Plan(List<String> packages, List<String> command, String refusal) {

        public boolean nothingToDo() {
            return packages.isEmpty();
        }
    }

    /** Decides what to do about {@code missing} Debian packages on {@code machine}. */
    public static Plan plan(List<String> missing, Machine machine) {
        if (missing.isEmpty()) {
            return new Plan(List.of(), List.of(), null);
        }
        String manual = "sudo apt-get install " + String.join(" ", missing);
        if (!machine.debian()) {
            return new Plan(missing, List.of(), "not installed: " + String.join(", ", missing) + ". This is not a Debian"
                    + " system (no /etc/debian_version or apt-get), so the demo cannot install them: install Prometheus,"
                    + " Alertmanager and node_exporter and put them on PATH (on Debian: " + manual + ")");
        }
        if (!machine.root() && !machine.passwordlessSudo()) {
            return new Plan(missing, List.of(), "not installed: " + String.join(", ", missing)
                    + ". Not root and no passwordless sudo, so install them yourself: " + manual);
        }
        List<String> command = new ArrayList<>();
        if (!machine.root()) {
            command.addAll(List.of("sudo", "-n"));
        }
        command.addAll(List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y",
                "--no-install-recommends"));
        command.addAll(missing);
        return new Plan(missing, List.copyOf(command), null);
    }

    /** Debian packages of the {@link #NEEDED} binaries that are not on PATH, without duplicates. */
    public static List<String> missingPackages() {
        return NEEDED.stream().filter(b -> !b.isInstalled()).map(Binaries::debianPackage).distinct().toList();
    }

    /** Installs what is missing, or throws a {@link DemoException} that says what to install. */
    public static void ensureInstalled(DemoListener listener, Path logDir) {
        List<String> missing = missingPackages();
        if (missing.isEmpty()) {
            return;
        }
        Plan plan = plan(missing, Machine.detect());
        if (plan.refusal() != null) {
            throw new DemoException(plan.refusal());
        }
        listener.progress("installing " + String.join(", ", missing) + ": " + String.join(" ", plan.command()));
        Path log = logDir.resolve("apt-get.log");
        if (run(plan.command(), log) != 0) {
            // A fresh machine may have empty package lists: refresh once and retry.
            List<String> update = new ArrayList<>(plan.command().subList(0, plan.command().indexOf("install")));
            update.add("update");
            listener.progress("install failed; refreshing package lists: " + String.join(" ", update));
            run(update, log);
            if (run(plan.command(), log) != 0) {
                throw new DemoException("could not install " + String.join(", ", missing) + " (" + log + " ends with:\n"
                        + tail(log) + ")\nInstall them yourself: sudo apt-get install " + String.join(" ", missing));
            }
        }
        List<String> still = missingPackages();
        if (!still.isEmpty()) {
            throw new DemoException("apt-get finished but these are still missing: " + String.join(", ", still));
        }
        listener.progress("installed " + String.join(", ", missing));
    }

    private static int run(List<String> command, Path log) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (log == null) {
                builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            } else {
                builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            }
            Process process = builder.start();
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
