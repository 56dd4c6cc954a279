package io.opsdeck.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How the console starts; built by {@code opsdeck console}'s options.
 *
 * @param wall            NOC wall mode instead of the main window
 * @param playlist        the wall's playlist file; null means the role's dashboards, a minute each
 * @param theme           "light", "dark" or "contrast"; null means the remembered one (walls default to contrast)
 * @param role            role to start with; null means the remembered one
 * @param section         navigation section to open first (e.g. "settings"); null means Dashboards
 * @param screenshot      when set, write a PNG of the window after {@code screenshotAfter} and exit
 * @param screenshotAfter delay before the screenshot
 * @param exitAfterFirstPaint leave as soon as the first dashboard is painted (start-up measurement)
 */
public record ConsoleOptions(boolean wall, Path playlist, String theme, String role, String section, Path screenshot,
                             Duration screenshotAfter, boolean exitAfterFirstPaint) {

    /** Options that stay open until the operator leaves. */
    public ConsoleOptions(boolean wall, Path playlist, String theme, String role, String section, Path screenshot,
                          Duration screenshotAfter) {
        this(wall, playlist, theme, role, section, screenshot, screenshotAfter, false);
    }

    /** The main window with remembered settings. */
    public static ConsoleOptions defaults() {
        return new ConsoleOptions(false, null, null, null, null, null, Duration.ofSeconds(3));
    }

    public Optional<Path> screenshotFile() {
        return Optional.ofNullable(screenshot);
    }
}
