package io.opsdeck.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-visible strings from {@code io/opsdeck/ui/messages.properties}. Always call it {@code messages} and pass
 * literal keys ({@code messages.get("nav.alerts")}): the missing-key test finds uses by that pattern.
 */
public final class Messages {

    private final ResourceBundle bundle;

    public Messages(Locale locale) {
        this.bundle = ResourceBundle.getBundle("io.opsdeck.ui.messages", locale);
    }

    public static Messages english() {
        return new Messages(Locale.ROOT);
    }

    /** The text for {@code key}; a missing key shows as {@code !key!} rather than crashing the console. */
    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    /** {@link MessageFormat} with {@code args}, e.g. {@code messages.format("status.age", "12 s")}. */
    public String format(String key, Object... args) {
        return new MessageFormat(get(key), Locale.ROOT).format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
