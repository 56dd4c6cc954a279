package io.opsdeck.simulate.demo;

import io.opsdeck.simulate.Scenario;
import io.opsdeck.simulate.ScenarioException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the demo finds the project's files: the folder named by system property {@code opsdeck.home} (the
 * {@code ./opsdeck} launcher sets it to the checkout), else the working directory.
 *
 * <pre>{@code
 * DemoHome home = DemoHome.detect();
 * List<Path> rules = home.prometheusRules();   // rules/prometheus/*.yml, empty when the folder is missing
 * }</pre>
 */
public record DemoHome(Path root) {

    /** The scenario bundled in the jar: a copy of packaging/demo/scenario.yaml, for when the jar runs alone. */
    static final String BUNDLED_SCENARIO = "/io/opsdeck/simulate/demo/scenario.yaml";

    public static DemoHome detect() {
        String home = System.getProperty("opsdeck.home");
        return new DemoHome(Path.of(home == null || home.isBlank() ? "" : home).toAbsolutePath().normalize());
    }

    public Path scenarioFile() {
        return root.resolve("packaging/demo/scenario.yaml");
    }

    public Path prometheusRulesDir() {
        return root.resolve("rules/prometheus");
    }

    public Path alertmanagerConfigFile() {
        return root.resolve("rules/alertmanager/alertmanager.yml");
    }

    /** The demo scenario's YAML and where it came from: the checkout's file, else the copy in the jar. */
    public Source scenario() {
        Path file = scenarioFile();
        if (Files.isRegularFile(file)) {
            return new Source(file.toString(), read(file));
        }
        try (InputStream in = DemoHome.class.getResourceAsStream(BUNDLED_SCENARIO)) {
            if (in == null) {
                throw new DemoException("no demo scenario: " + file + " is missing and the jar has none bundled");
            }
            return new Source("(bundled) scenario.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scenario in {@code file}, or the demo scenario when it is null; problems name the file and line. */
    public Scenario loadScenario(Path file) {
        try {
            if (file != null) {
                return Scenario.load(file);
            }
            Source source = scenario();
            return Scenario.parse(source.origin(), source.text());
        } catch (ScenarioException e) {
            throw new DemoException(e.getMessage(), e);
        }
    }

    /** rules/prometheus/*.yml in name order; empty when the folder does not exist. */
    public List<Path> prometheusRules() {
        Path dir = prometheusRulesDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yml") && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** The project's Alertmanager configuration, if the checkout has it. */
    public Optional<String> alertmanagerConfig() {
        Path file = alertmanagerConfigFile();
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new DemoException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A text and the place it was read from, for messages. */
    public record Source(String origin, String text) {
    }
}
