package io.opsdeck.rules;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds the real Prometheus/Alertmanager binaries and runs them for the rule tests.
 * A missing binary fails the test with the Debian package to install; it never skips.
 */
final class Tools {

    /** Repository root: surefire runs tests with the module directory as working directory. */
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path RULES = ROOT.resolve("rules/prometheus");
    static final Path RULE_TESTS = RULES.resolve("tests");
    static final Path ALERTMANAGER_CONFIG = ROOT.resolve("rules/alertmanager/alertmanager.yml");
    static final Path RUNBOOKS = ROOT.resolve("docs/runbooks");

    private Tools() {
    }

    /** Exit code and combined stdout+stderr of a finished command. */
    record Result(int exitCode, String output) {
    }

    /** Locates {@code name} in /usr/bin or on PATH, failing with the Debian package that provides it. */
    static Path binary(String name, String debianPackage) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("/usr/bin", name));
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir, name));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst()
                .orElseGet(() -> fail("%s not found in /usr/bin or PATH: install the Debian package '%s' "
                        + "(apt-get install %s, or run scripts/test which installs it)", name, debianPackage,
                        debianPackage));
    }

    static Path promtool() {
        return binary("promtool", "prometheus");
    }

    static Path amtool() {
        return binary("amtool", "prometheus-alertmanager");
    }

    /** Runs a command to completion (2 minute cap) and returns its exit code and output. */
    static Result run(List<String> command) {
        try {
            Path log = Files.createTempFile("opsdeck-tool", ".log");
            try {
                Process process = new ProcessBuilder(command).directory(ROOT.toFile())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly().waitFor();
                    return fail("%s did not finish within 2 minutes", command);
                }
                return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            return fail("could not run %s: %s", command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running %s", command);
        }
    }

    /** A currently free TCP port on 127.0.0.1. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Rule files (alerting and recording), sorted, excluding the tests directory. */
    static List<Path> ruleFiles() throws IOException {
        try (var files = Files.list(RULES)) {
            return files.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
    }

    /** promtool unit test files, sorted. */
    static List<Path> ruleTestFiles() throws IOException {
        try (var files = Files.list(RULE_TESTS)) {
            return files.filter(p -> p.getFileName().toString().endsWith("_test.yml")).sorted().toList();
        }
    }
}
