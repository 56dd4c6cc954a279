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
    void notificationChoicesPerRoleSurviveARestartAndCanBeForgotten() {
        Path file = dir.resolve("console.json");
        JsonFilePreferences prefs = JsonFilePreferences.open(file);
        assertThat(prefs.notificationChoices("DBA")).isEmpty();
        prefs.lastRole("DBA");
        prefs.notificationChoice("DBA", Severity.CRITICAL, new SeverityChoice(true, AlertSound.CHIME));
        prefs.notificationChoice("DBA", Severity.INFO, new SeverityChoice(false, AlertSound.NONE));
        prefs.notificationChoice("DBA", Severity.CRITICAL, new SeverityChoice(false, AlertSound.ALARM));
        prefs.notificationChoice("MLOps", Severity.WARNING, new SeverityChoice(true, AlertSound.SINGLE));

        JsonFilePreferences again = JsonFilePreferences.open(file);
        assertThat(again.notificationChoices("DBA")).containsOnly(
                java.util.Map.entry(Severity.CRITICAL, new SeverityChoice(false, AlertSound.ALARM)),
                java.util.Map.entry(Severity.INFO, new SeverityChoice(false, AlertSound.NONE)));
        assertThat(again.notificationChoices("MLOps")).containsOnlyKeys(Severity.WARNING);
        assertThat(again.lastRole()).as("the other preferences stay").contains("DBA");
        again.clearNotificationChoices("DBA");
        assertThat(JsonFilePreferences.open(file).notificationChoices("DBA")).isEmpty();
        assertThat(JsonFilePreferences.open(file).notificationChoices("MLOps")).hasSize(1);
    }

    @Test
    void aBrokenNotificationChoiceIsSkippedAndTheOthersKept() throws Exception {
        Path file = dir.resolve("console.json");
        Files.writeString(file, """
                {"notifications": {"DBA": {
                  "critical": {"desktop": true, "sound": "foghorn"},
                  "warning": {"desktop": "yes", "sound": "chime"},
                  "info": {"desktop": false, "sound": "single"}},
                 "DevOps": "not an object"}}""");
        JsonFilePreferences prefs = JsonFilePreferences.open(file);
        assertThat(prefs.notificationChoices("DBA")).containsOnly(
                java.util.Map.entry(Severity.INFO, new SeverityChoice(false, AlertSound.SINGLE)));
        assertThat(prefs.notificationChoices("DevOps")).isEmpty();
        prefs.notificationChoice("DevOps", Severity.CRITICAL, new SeverityChoice(true, AlertSound.ALARM));
        assertThat(JsonFilePreferences.open(file).notificationChoices("DevOps")).hasSize(1);
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
