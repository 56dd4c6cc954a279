package io.opsdeck.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsdeck.config.ConfigException;
import io.opsdeck.config.ConfigLoader;
import io.opsdeck.config.OpsdeckConfig;
import io.opsdeck.util.SecretServiceKeyring;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets in the OS keyring, against a real GNOME Keyring on a private D-Bus session bus (Debian packages
 * gnome-keyring, libsecret-tools and dbus; scripts/test installs them), and the plain "no keyring" path.
 */
class KeyringSecretStoreTest {

    @TempDir
    Path dir;
    private Process bus;

    @AfterEach
    void stopBus() {
        if (bus != null) {
            bus.destroy(); // gnome-keyring-daemon leaves with its bus
        }
    }

    @Test
    void aSecretTypedOnceGoesToTheKeyringAndTheConfigReadsItBack() throws Exception {
        Map<String, String> env = keyringSession();
        SecretServiceKeyring keyring = new SecretServiceKeyring(env, Duration.ofSeconds(20));
        FileSecretStore store = new FileSecretStore(dir.resolve("secrets"), keyring);
        assertThat(store.keyringUnavailableReason()).isEmpty();

        SecretRef ref = store.storeInKeyring("prom main", "s3cret pass".toCharArray());

        assertThat(ref).isEqualTo(new SecretRef(SecretRef.Kind.KEYRING, "prom_main"));
        assertThat(ref.reference()).isEqualTo("keyring:prom_main");
        assertThat(keyring.lookup("prom_main")).hasValueSatisfying(s -> assertThat(s.reveal()).isEqualTo("s3cret pass"));
        assertThat(keyring.lookup("never-stored")).isEmpty();
        assertThat(dir.resolve("secrets")).doesNotExist();

        OpsdeckConfig config = ConfigLoader.builder().environment(env).build().parse("""
                prometheus:
                  - name: main
                    url: http://127.0.0.1:9090
                    basic_auth: {username: ops, password: keyring:prom_main}
                """, "opsdeck.yaml", dir);
        assertThat(config.prometheus("main").orElseThrow().connection().basicAuth().orElseThrow().password().reveal())
                .isEqualTo("s3cret pass");
    }

    @Test
    void anEntryMissingFromTheKeyringIsAConfigProblemNamingIt() throws Exception {
        Map<String, String> env = keyringSession();
        assertThatThrownBy(() -> ConfigLoader.builder().environment(env).build().parse("""
                prometheus:
                  - name: main
                    url: http://127.0.0.1:9090
                    bearer_token: keyring:gone
                """, "opsdeck.yaml", dir))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems().toString()).contains("no entry 'gone'"));
    }

    @Test
    void withoutASessionBusSettingsSayWhyAndFilesStillWork() throws Exception {
        Map<String, String> env = Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"), "HOME", dir.toString());
        FileSecretStore store = new FileSecretStore(dir.resolve("secrets"), new SecretServiceKeyring(env, Duration.ofSeconds(5)));

        assertThat(store.keyringUnavailableReason()).hasValueSatisfying(r -> assertThat(r)
                .startsWith("The OS keyring is not available: no D-Bus session").endsWith("file or an environment variable."));
        assertThatThrownBy(() -> store.storeInKeyring("main", "pw".toCharArray())).isInstanceOf(IOException.class)
                .hasMessageContaining("D-Bus").hasMessageNotContaining("pw");
        SecretRef file = store.storeInFile("main", "pw".toCharArray());
        assertThat(Files.readString(Path.of(file.location()))).isEqualTo("pw");
    }

    @Test
    void withoutTheClientToolTheReasonNamesThePackage() {
        SecretServiceKeyring keyring = new SecretServiceKeyring(Map.of("PATH", dir.toString(),
                "DBUS_SESSION_BUS_ADDRESS", "unix:path=" + dir.resolve("bus")), Duration.ofSeconds(5));
        assertThat(keyring.unavailableReason()).hasValueSatisfying(r -> assertThat(r).contains("libsecret-tools"));
    }

    /** A private session bus with an unlocked GNOME Keyring; returns the environment that reaches it. */
    private Map<String, String> keyringSession() throws Exception {
        for (String tool : new String[] {"dbus-daemon", "gnome-keyring-daemon", "secret-tool"}) {
            if (!Files.isExecutable(Path.of("/usr/bin", tool))) {
                throw new IllegalStateException("/usr/bin/" + tool + " is missing: install the Debian packages dbus,"
                        + " gnome-keyring and libsecret-tools (scripts/test does)");
            }
        }
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", dir.toString());
        env.put("XDG_DATA_HOME", dir.resolve("data").toString());
        env.put("XDG_RUNTIME_DIR", Files.createDirectories(dir.resolve("run")).toString());
        ProcessBuilder busStart = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--print-address=1")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        busStart.environment().putAll(env);
        bus = busStart.start();
        String address = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(address).as("dbus-daemon printed its address").startsWith("unix:");
        env.put("DBUS_SESSION_BUS_ADDRESS", address);
        // A first unlock with a password creates the login keyring without asking anyone (there is no display).
        ProcessBuilder unlock = new ProcessBuilder("gnome-keyring-daemon", "--unlock", "--components=secrets")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        unlock.environment().clear();
        unlock.environment().putAll(env);
        Process p = unlock.start();
        p.getOutputStream().write("opsdeck-test".getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertThat(p.waitFor()).as("gnome-keyring-daemon --unlock").isZero();
        return env;
    }
}
