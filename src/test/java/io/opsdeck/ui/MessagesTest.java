package io.opsdeck.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.console.Severity;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.settings.SecretMode;
import io.opsdeck.ui.shell.Section;
import io.opsdeck.ui.theme.ThemeChoice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every key the console uses exists in messages.properties: literal keys found in the sources
 * ({@code messages.get("k")}, {@code messages.format("k", ...)}, {@code new Shortcut("keys", "k")}, {@code %k} in FXML),
 * and keys built from enums (sections, themes, severities, secret modes).
 */
class MessagesTest {

    private static final Path UI_SOURCES = Path.of("src/main/java/io/opsdeck/ui");
    private static final Path UI_RESOURCES = Path.of("src/main/resources/io/opsdeck/ui");
    private static final Pattern CODE_USE = Pattern.compile(
            "messages\\.(?:get|format|has)\\(\\s*\"([^\"]+)\"\\s*[,)]|new Shortcut\\(\"[^\"]*\",\\s*\"([^\"]+)\"");
    private static final Pattern FXML_USE = Pattern.compile("\"%([A-Za-z0-9_.]+)\"");
    private final Messages messages = Messages.english();

    static List<String> keysUsedIn(Path root) throws IOException {
        List<String> keys = new ArrayList<>();
        if (!Files.exists(root)) {
            return keys;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Pattern pattern = p.toString().endsWith(".fxml") ? FXML_USE : p.toString().endsWith(".java") ? CODE_USE : null;
                if (pattern == null) {
                    continue; // e.g. the bundled sounds: binary, and no keys in them
                }
                String text = Files.readString(p);
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    keys.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        return keys;
    }

    @Test
    void everyKeyUsedInCodeOrFxmlExists() throws IOException {
        List<String> used = keysUsedIn(UI_SOURCES);
        used.addAll(keysUsedIn(UI_RESOURCES));
        assertThat(used).as("the scan finds the keys (guards against a broken pattern)").hasSizeGreaterThan(60);
        TreeSet<String> missing = new TreeSet<>();
        for (String key : used) {
            if (!messages.has(key)) {
                missing.add(key);
            }
        }
        assertThat(missing).as("keys used but missing from messages.properties").isEmpty();
    }

    @Test
    void everyKeyBuiltFromAnEnumExists() {
        List<String> keys = new ArrayList<>();
        for (Section s : Section.values()) {
            keys.add(s.labelKey());
            keys.add(s.placeholderKey());
        }
        for (ThemeChoice t : ThemeChoice.values()) {
            keys.add("theme." + t.id());
        }
        for (Severity s : Severity.values()) {
            keys.add("severity." + s.name().toLowerCase(Locale.ROOT));
        }
        for (io.opsdeck.console.SourceKind k : io.opsdeck.console.SourceKind.values()) {
            keys.add("settings.kind." + k.name().toLowerCase(Locale.ROOT));
        }
        for (SecretMode m : SecretMode.values()) {
            keys.add("settings.secretMode." + m.name().toLowerCase(Locale.ROOT));
        }
        for (io.opsdeck.console.AlertSound a : io.opsdeck.console.AlertSound.values()) {
            keys.add("notifyPrefs.sound." + a.id());
        }
        assertThat(keys).allSatisfy(k -> assertThat(messages.has(k)).as(k).isTrue());
    }

    @Test
    void unbuiltSectionsSayPlainlyTheyAreNotBuilt() {
        for (Section s : Section.values()) {
            if (!s.built()) {
                assertThat(messages.get(s.placeholderKey())).contains("not built yet");
            }
        }
    }

    @Test
    void aMissingKeyShowsItselfInsteadOfCrashing() {
        assertThat(messages.get("no.such.key")).isEqualTo("!no.such.key!");
    }
}
