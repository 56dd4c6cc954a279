package io.opsdeck.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFilePreferencesTest {

    @TempDir
    Path dir;

    @Test
    void lastRoleThemeAndMuteSurviveARestart() {
        Path file = dir.resolve("sub/console.json");
        JsonFilePreferences prefs = JsonFilePreferences.open(file);
        assertThat(prefs.lastRole()).isEmpty();
        prefs.lastRole("DBA");
        prefs.theme("dark");
        prefs.muted(true);
        JsonFilePreferences again = JsonFilePreferences.open(file);
        assertThat(again.lastRole()).contains("DBA");
        assertThat(again.theme()).contains("dark");
        assertThat(again.muted()).isTrue();
    }

    @Test
    void aBrokenFileStartsEmptyInsteadOfStoppingTheConsole() throws Exception {
        Path file = dir.resolve("console.json");
        Files.writeString(file, "{ not json");
        JsonFilePreferences prefs = JsonFilePreferences.open(file);
        assertThat(prefs.lastRole()).isEmpty();
        prefs.lastRole("MLOps");
        assertThat(JsonFilePreferences.open(file).lastRole()).contains("MLOps");
    }

    @Test
    void typedSecretsGoToAPrivateFileAndOnlyTheReferenceComesBack() throws Exception {
        SecretStore store = new FileSecretStore(dir.resolve("secrets"));
        SecretRef ref = store.storeInFile("prom a/b", "s3cr3t".toCharArray());
        assertThat(ref.kind()).isEqualTo(SecretRef.Kind.FILE);
        Path file = Path.of(ref.location());
        assertThat(file.getFileName().toString()).isEqualTo("prom_a_b.secret");
        assertThat(Files.readString(file)).isEqualTo("s3cr3t");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(ref.toString()).doesNotContain("s3cr3t");
        assertThat(store.keyringUnavailableReason()).hasValueSatisfying(r -> assertThat(r).contains("not available on this desktop"));
    }
}
