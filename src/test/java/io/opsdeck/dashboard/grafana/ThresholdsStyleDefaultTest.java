package io.opsdeck.dashboard.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.dashboard.DatasourceResolver;
import io.opsdeck.dashboard.Panel;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Grafana draws a time series' thresholds only when its thresholdsStyle asks: the default thresholds every exported
 * panel carries (green, 80 red) must not become a red dashed line at 80 on an imported percent chart.
 */
class ThresholdsStyleDefaultTest {

    private static Panel panel(String type, String custom) {
        return new GrafanaDashboardLoader(DatasourceResolver.single("default")).parse("""
                {"uid": "t", "title": "t", "schemaVersion": 39, "panels": [{"id": 1, "type": "%s", "title": "CPU",
                  "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8}, "targets": [{"refId": "A", "expr": "up"}],
                  "fieldConfig": {"defaults": {"unit": "percent", "custom": {%s},
                    "thresholds": {"mode": "absolute", "steps": [{"color": "green", "value": null},
                      {"color": "red", "value": 80}]}}, "overrides": []}}]}
                """.formatted(type, custom), "t").queryPanels().getFirst();
    }

    @Test
    void aTimeSeriesWithoutThresholdsStyleDrawsNoThresholdsAsGrafanas() {
        assertThat(panel("timeseries", "\"fillOpacity\": 10").fieldConfig().defaults().custom())
                .containsEntry("thresholdsStyle", Map.of("mode", "off")).containsEntry("fillOpacity", 10);
    }

    @Test
    void aConfiguredThresholdsStyleIsKept() {
        assertThat(panel("timeseries", "\"thresholdsStyle\": {\"mode\": \"line+area\"}").fieldConfig().defaults()
                .custom()).containsEntry("thresholdsStyle", Map.of("mode", "line+area"));
        assertThat(panel("gauge", "").fieldConfig().defaults().custom()).doesNotContainKey("thresholdsStyle");
    }
}
