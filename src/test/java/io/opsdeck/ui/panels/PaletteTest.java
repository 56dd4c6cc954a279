package io.opsdeck.ui.panels;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.dashboard.FieldDefaults;
import io.opsdeck.dashboard.GrafanaColors;
import io.opsdeck.dashboard.Thresholds;
import io.opsdeck.dashboard.frame.FieldDisplay;
import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/**
 * Threshold and mapping colours resolve as Grafana's getColorByName: Grafana names exactly (all five shades of each
 * hue), anything else as a CSS colour; how bad a state is follows the colour, whatever way it is written.
 */
class PaletteTest {

    private static final Color NONE = Color.web("#123456");

    @Test
    void everyGrafanaShadeResolvesToGrafanasColour() {
        assertThat(Palette.named("semi-dark-orange", NONE)).isEqualTo(Color.web("#FF780A"));
        assertThat(Palette.named("dark-red", NONE)).isEqualTo(Color.web("#C4162A"));
        // super-light and semi-dark-purple/light-purple used to fall back to grey
        assertThat(Palette.named("super-light-red", NONE)).isEqualTo(Color.web("#FFA6B0"));
        assertThat(Palette.named("semi-dark-purple", NONE)).isEqualTo(Color.web("#A352CC"));
        assertThat(GrafanaColors.names()).hasSize(33)
                .allSatisfy(n -> assertThat(Palette.named(n, NONE)).as(n).isNotEqualTo(NONE));
    }

    @Test
    void namesAreExactAsInGrafanaAndOtherSpellingsAreCssColours() {
        assertThat(Palette.named("red", NONE)).isEqualTo(Color.web("#F2495C"));
        assertThat(Palette.named("Red", NONE)).as("not a Grafana name: CSS red").isEqualTo(Color.web("#FF0000"));
        assertThat(Palette.named("#d44a3a", NONE)).isEqualTo(Color.web("#d44a3a"));
        assertThat(Palette.named("rgba(237, 129, 40, 0.89)", NONE)).isEqualTo(Color.rgb(237, 129, 40, 0.89));
        assertThat(Palette.named("no-such-colour", NONE)).isEqualTo(NONE);
        assertThat(Palette.named(null, NONE)).isEqualTo(NONE);
    }

    @Test
    void badnessFollowsTheColourHoweverItIsWritten() {
        assertThat(List.of("red", "dark-red", "semi-dark-red", "super-light-red", "Red", "#d44a3a", "#C4162A"))
                .allSatisfy(c -> assertThat(Palette.badness(c)).as(c).isEqualTo(3));
        assertThat(List.of("orange", "semi-dark-orange", "rgba(237, 129, 40, 0.89)", "#FF9830"))
                .allSatisfy(c -> assertThat(Palette.badness(c)).as(c).isEqualTo(2));
        assertThat(List.of("yellow", "dark-yellow", "#FADE2A")).allSatisfy(c -> assertThat(Palette.badness(c)).as(c)
                .isEqualTo(1));
        assertThat(List.of("green", "#299c46", "blue", "purple", "transparent", "text", "#808080", "rgba(0,0,0,0)"))
                .allSatisfy(c -> assertThat(Palette.badness(c)).as(c).isZero());
    }

    @Test
    void aGrafana6SinglestatsColoursMarkTheCriticalValue() {
        // sharedSingleStatMigrationHandler's steps keep the panel's own colours: "50,80" with its default colours
        Thresholds t = new Thresholds(Thresholds.Mode.ABSOLUTE, List.of(
                new Thresholds.Step(Double.NEGATIVE_INFINITY, "#299c46"),
                new Thresholds.Step(50, "rgba(237, 129, 40, 0.89)"), new Thresholds.Step(80, "#d44a3a")));
        FieldDefaults f = new FieldDefaults("percent", 0, null, null, t, List.of(), "", Map.of(), Map.of());
        GaugeItem critical = GaugeItem.of("db-1", 93, f, FieldDisplay.Range.UNKNOWN);
        GaugeItem warning = GaugeItem.of("db-2", 60, f, FieldDisplay.Range.UNKNOWN);
        assertThat(BarGaugePanel.valueLabel(critical)).isEqualTo(Palette.glyph(3) + " 93%");
        assertThat(BarGaugePanel.valueLabel(warning)).isEqualTo(Palette.glyph(2) + " 60%");
    }
}
