package io.opsdeck.ui.panels;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.dashboard.FieldDefaults;
import java.util.List;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A bar gauge keeps room for its longest value as drawn, the threshold glyph included: MLOps "GPU temperature" cut
 * an overheating GPU's "✖ 93 °C" to "✖ 93 °(".
 */
@ExtendWith(ApplicationExtension.class)
class BarGaugeValueWidthUiTest {

    @Start
    void start(Stage stage) {
        // the toolkit measures text
    }

    @Test
    void theValueColumnFitsABoldValueWithItsGlyph() {
        GaugeItem hot = new GaugeItem("ml-1 gpu1", 93, "93 °C", "red", 0, 100, FieldDefaults.EMPTY, null);
        GaugeItem fine = new GaugeItem("ml-2 gpu0", 57, "57 °C", "green", 0, 100, FieldDefaults.EMPTY, null);
        List<GaugeItem> items = List.of(hot, fine);

        assertThat(BarGaugePanel.valueLabel(hot)).isEqualTo("\u2716 93 °C");
        Text drawn = new Text(BarGaugePanel.valueLabel(hot));
        drawn.setFont(Font.font("System", FontWeight.BOLD, 14));    // the largest size a row draws
        assertThat(BarGaugePanel.valueWidth(items)).isGreaterThanOrEqualTo(drawn.getLayoutBounds().getWidth());
    }
}
