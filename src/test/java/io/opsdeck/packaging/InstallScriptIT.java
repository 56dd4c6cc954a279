package io.opsdeck.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code packaging/install.sh} and {@code uninstall.sh} for real: the built {@code target/opsdeck.jar} installed
 * into temporary prefixes, the installed launcher run, the menu entries validated with {@code desktop-file-validate}.
 * An IT (failsafe, after {@code package}): surefire runs before the jar exists.
 */
class InstallScriptIT {

    private static final Path CHECKOUT = Path.of("").toAbsolutePath();

    @TempDir
    Path dir;

    @BeforeAll
    static void theJarIsBuilt() {
        assertThat(CHECKOUT.resolve("target/opsdeck.jar"))
                .as("failsafe runs this after `package`; run mvn verify, or mvn -DskipTests package first").isRegularFile();
        assertThat(CHECKOUT.resolve("target/lib")).isDirectory();
        assertThat(Stream.of(System.getenv("PATH").split(":")).map(d -> Path.of(d, "desktop-file-validate")))
                .as("desktop-file-validate is missing: install the Debian package desktop-file-utils (scripts/test does)")
                .anyMatch(Files::isExecutable);
    }

    @Test
    void userInstallRunsFromItsPrefixAndUninstallRemovesEveryFileItPutThere() throws Exception {
        Path prefix = dir.resolve("prefix");
        Path home = dir.resolve("home");
        Run install = run(home, "packaging/install.sh", "--user", "--prefix", prefix.toString());
        assertThat(install.code()).as(install.output()).isZero();
        // no configuration, so the console opens the demo; the example is installed to start one from
        assertThat(home.resolve(".config/opsdeck/opsdeck.yaml")).doesNotExist();
        Path config = prefix.resolve("share/opsdeck/examples/opsdeck.yaml");
        assertThat(config).hasSameTextualContentAs(CHECKOUT.resolve("packaging/examples/opsdeck.yaml"));

        // the command on PATH is a link to the launcher, which finds its jar, lib/ and opsdeck.home from there
        Run version = run(home, home.resolve(".local/bin/opsdeck").toString(), "version");
        assertThat(version.code()).as(version.output()).isZero();
        assertThat(version.output()).startsWith("opsdeck ");
        Run check = run(home, prefix.resolve("bin/opsdeck").toString(), "check", "--config", config.toString());
        assertThat(check.code()).as(check.output()).isZero();
        assertThat(check.output()).contains("dashboards checked in " + prefix.resolve("share/opsdeck/dashboards"));

        Path apps = home.resolve(".local/share/applications");
        for (String entry : List.of("opsdeck.desktop", "opsdeck-wall.desktop")) {
            Run validate = run(home, "desktop-file-validate", apps.resolve(entry).toString());
            assertThat(validate.code()).as(entry + ": " + validate.output()).isZero();
            assertThat(Files.readString(apps.resolve(entry))).contains("Exec=" + prefix.resolve("bin/opsdeck") + " console");
        }
        assertThat(home.resolve(".local/share/icons/hicolor/scalable/apps/opsdeck.svg")).isRegularFile();
        assertThat(Files.readString(home.resolve(".config/systemd/user/opsdeck-agent-user.service")))
                .contains("ExecStart=" + prefix.resolve("bin/opsdeck") + " agent ").doesNotContain("/opt/opsdeck");

        // the agent's run leaves its CDS archive in the user's cache, not in the prefix
        Run agentCheck = run(home, prefix.resolve("bin/opsdeck").toString(), "agent", "--check", "--config", config.toString());
        assertThat(agentCheck.code()).as(agentCheck.output()).isZero();
        assertThat(files(home.resolve(".cache/opsdeck")).keySet()).anyMatch(f -> f.endsWith("opsdeck-agent.jsa"));
        assertThat(files(prefix).keySet()).noneMatch(f -> f.endsWith(".jsa") || f.endsWith(".aot"));

        Map<String, String> installed = files(dir);
        Run again = run(home, "packaging/install.sh", "--user", "--prefix", prefix.toString());
        assertThat(again.code()).as(again.output()).isZero();
        Map<String, String> changed = new TreeMap<>(files(dir));
        changed.entrySet().removeIf(e -> e.getValue().equals(installed.get(e.getKey())));
        assertThat(changed).as("files a second install added or rewrote").isEmpty();
        assertThat(files(dir).keySet()).as("files a second install removed").containsAll(installed.keySet());

        // the installed uninstall.sh knows its own prefix
        Run uninstall = run(home, prefix.resolve("lib/opsdeck/uninstall.sh").toString(), "--user");
        assertThat(uninstall.code()).as(uninstall.output()).isZero();
        assertThat(prefix).doesNotExist();
        assertThat(files(dir).keySet()).as("left after uninstall: the start-up cache")
                .allMatch(f -> f.startsWith("home/.cache/opsdeck/"));
    }

    @Test
    void theInstalledLauncherRunsOnAJavaRuntimeWithoutACompiler() throws Exception {
        Path prefix = dir.resolve("prefix");
        Path home = dir.resolve("home");
        assertThat(run(home, "packaging/install.sh", "--user", "--prefix", prefix.toString()).code()).isZero();
        // a JRE: bin/java (a wrapper that notes each call, then runs this JDK's java) and the release file, no javac
        Path jre = Files.createDirectories(dir.resolve("jre/bin")).getParent();
        Path calls = dir.resolve("java-calls.txt");
        Path java = jre.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\necho \"$*\" >> '" + calls + "'\nexec '"
                + Path.of(System.getProperty("java.home"), "bin/java") + "' \"$@\"\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        Files.copy(Path.of(System.getProperty("java.home"), "release"), jre.resolve("release"));

        Run version = run(home, Map.of("JAVA_HOME", jre.toString()), prefix.resolve("bin/opsdeck").toString(), "version");
        assertThat(version.code()).as(version.output()).isZero();
        assertThat(version.output()).startsWith("opsdeck ");
        assertThat(calls).as("the launcher ran the runtime given in JAVA_HOME").exists();
        assertThat(Files.readAllLines(calls)).as("the runtime given in JAVA_HOME ran the jar")
                .anyMatch(line -> line.endsWith("opsdeck.jar version"));
    }

    @Test
    void anExistingConfigurationSurvivesInstallAndUninstallAndOnlyPurgeRemovesIt() throws Exception {
        Path prefix = dir.resolve("prefix");
        Path home = dir.resolve("home");
        Path config = home.resolve(".config/opsdeck/opsdeck.yaml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "operator: carol\n");
        Path database = Files.createDirectories(home.resolve(".local/share/opsdeck")).resolve("agent.db");
        Files.writeString(database, "the agent's outbox");

        assertThat(run(home, "packaging/install.sh", "--user", "--prefix", prefix.toString()).code()).isZero();
        assertThat(config).hasContent("operator: carol");
        assertThat(run(home, "packaging/uninstall.sh", "--user", "--prefix", prefix.toString()).code()).isZero();
        assertThat(config).hasContent("operator: carol");
        assertThat(database).hasContent("the agent's outbox");

        assertThat(run(home, "packaging/install.sh", "--user", "--prefix", prefix.toString()).code()).isZero();
        Run purge = run(home, "packaging/uninstall.sh", "--user", "--prefix", prefix.toString(), "--purge");
        assertThat(purge.code()).as(purge.output()).isZero();
        assertThat(config).doesNotExist();
        assertThat(database).doesNotExist();
    }

    @Test
    void systemInstallStagedInADestdirPointsTheServiceAtTheInstalledLauncher() throws Exception {
        Path root = dir.resolve("root");
        Run install = run(dir.resolve("home"), "packaging/install.sh", "--system", "--destdir", root.toString());
        assertThat(install.code()).as(install.output()).isZero();
        String unit = Files.readString(root.resolve("etc/systemd/system/opsdeck-agent.service"));
        assertThat(unit).contains("ExecStart=/opt/opsdeck/bin/opsdeck agent --config /etc/opsdeck/opsdeck.yaml",
                "User=opsdeck", "ProtectSystem=strict", "ReadWritePaths=/var/lib/opsdeck");
        assertThat(root.resolve("etc/opsdeck/opsdeck.yaml")).isRegularFile();
        assertThat(Files.readSymbolicLink(root.resolve("usr/local/bin/opsdeck"))).isEqualTo(Path.of("/opt/opsdeck/bin/opsdeck"));
        Run validate = run(dir, "desktop-file-validate", root.resolve("usr/local/share/applications/opsdeck-wall.desktop").toString());
        assertThat(validate.code()).as(validate.output()).isZero();

        // the launcher finds everything from where it is, so the staged copy runs as the installed one will
        Run check = run(dir.resolve("home"), root.resolve("opt/opsdeck/bin/opsdeck").toString(), "check", "--config",
                root.resolve("etc/opsdeck/opsdeck.yaml").toString());
        assertThat(check.code()).as(check.output()).isZero();

        Run uninstall = run(dir.resolve("home"), "packaging/uninstall.sh", "--system", "--destdir", root.toString());
        assertThat(uninstall.code()).as(uninstall.output()).isZero();
        assertThat(files(root).keySet()).containsExactly("etc/opsdeck/opsdeck.yaml");
    }

    private record Run(int code, String output) {
    }

    /** Runs a command from the checkout with {@code home} as HOME; JAVA_HOME is the JDK running this test. */
    private Run run(Path home, String... command) throws IOException, InterruptedException {
        return run(home, Map.of(), command);
    }

    /** As above, with {@code environment} added last (it may replace JAVA_HOME). */
    private Run run(Path home, Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        Files.createDirectories(home);
        ProcessBuilder pb = new ProcessBuilder(command).directory(CHECKOUT.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("XDG_") || k.equals("OPSDECK_CONFIG") || k.equals("OPSDECK_JAVA_OPTS")
                || k.equals("DISPLAY") || k.equals("WAYLAND_DISPLAY"));
        env.put("HOME", home.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("PROM_PASSWORD", "example-password"); // the example configuration reads these two
        env.put("VM_TOKEN", "example-token");
        env.putAll(environment);
        Path log = Files.createTempFile(dir, "run", ".log");
        Process p = pb.redirectOutput(log.toFile()).start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " did not finish: " + Files.readString(log));
        }
        String output = Files.readString(log);
        Files.delete(log);
        return new Run(p.exitValue(), output);
    }

    /** Every file and link under {@code root} (relative path) with its size and time, or its target for a link. */
    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(root)) {
            return out;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path f : all.filter(f -> Files.isRegularFile(f) || Files.isSymbolicLink(f)).toList()) {
                String rel = root.relativize(f).toString();
                if (rel.startsWith("run") && rel.endsWith(".log")) {
                    continue; // this test's own output files
                }
                out.put(rel, Files.isSymbolicLink(f) ? "-> " + Files.readSymbolicLink(f)
                        : Files.size(f) + " bytes, " + Files.getLastModifiedTime(f));
            }
        }
        return out;
    }
}
