package io.opsdeck.ui.theme;

import java.util.Locale;
import java.util.Optional;

/** The console's themes: light and dark for desks, high contrast for NOC walls. */
public enum ThemeChoice {
    LIGHT, DARK, CONTRAST;

    /** "light", "dark" or "contrast" (case-insensitive). */
    public static Optional<ThemeChoice> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (ThemeChoice t : values()) {
            if (t.id().equalsIgnoreCase(text.trim())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean dark() {
        return this != LIGHT;
    }
}
