package io.opsdeck.ui.theme;

import atlantafx.base.theme.NordDark;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.scene.Scene;

/**
 * Applies the AtlantaFX theme (PrimerLight, PrimerDark, or NordDark for the high-contrast wall) plus OpsDeck's
 * own stylesheets to the scenes it manages. One instance, made by the composition root; no static state.
 */
public final class ThemeManager {

    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");
    private static final PseudoClass CONTRAST = PseudoClass.getPseudoClass("contrast");
    private final ObjectProperty<ThemeChoice> theme = new SimpleObjectProperty<>(ThemeChoice.LIGHT);
    private final List<Scene> scenes = new ArrayList<>();
    private final String base = css("opsdeck.css");
    private final String contrast = css("contrast.css");

    public ThemeManager(ThemeChoice initial) {
        theme.set(initial);
        theme.addListener((o, a, b) -> apply());
        // Before any control exists: the first Control loads JavaFX's own Modena stylesheet when none is set,
        // which start-up would parse only to replace it.
        Application.setUserAgentStylesheet(userAgentStylesheet(initial));
    }

    public ObjectProperty<ThemeChoice> themeProperty() {
        return theme;
    }

    /** Styles {@code scene} now and whenever the theme changes. */
    public void manage(Scene scene) {
        scenes.add(scene);
        apply();
    }

    private void apply() {
        ThemeChoice t = theme.get();
        Application.setUserAgentStylesheet(userAgentStylesheet(t));
        for (Scene scene : scenes) {
            scene.getStylesheets().setAll(t == ThemeChoice.CONTRAST ? List.of(base, contrast) : List.of(base));
            if (scene.getRoot() != null) {
                scene.getRoot().pseudoClassStateChanged(DARK, t.dark());
                scene.getRoot().pseudoClassStateChanged(CONTRAST, t == ThemeChoice.CONTRAST);
            }
        }
    }

    private static String userAgentStylesheet(ThemeChoice t) {
        return switch (t) {
            case LIGHT -> new PrimerLight().getUserAgentStylesheet();
            case DARK -> new PrimerDark().getUserAgentStylesheet();
            case CONTRAST -> new NordDark().getUserAgentStylesheet();
        };
    }

    private static String css(String name) {
        return Objects.requireNonNull(ThemeManager.class.getResource("/io/opsdeck/ui/" + name), name).toExternalForm();
    }
}
