package io.opsdeck.dashboard.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opsdeck.dashboard.Dashboard;
import io.opsdeck.dashboard.DashboardCheck;
import io.opsdeck.dashboard.DatasourceResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Wrongly typed fields in every panel of a real dashboard never crash the loader and never lose a panel. */
class HostileGrafanaJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("type", "gridPos", "targets", "fieldConfig", "options",
            "datasource", "transformations", "repeat", "title", "id", "interval", "maxDataPoints");
    private static final List<Function<ObjectMapper, JsonNode>> VALUES = List.of(
            m -> m.getNodeFactory().numberNode(42), m -> m.getNodeFactory().textNode("$bogus"),
            m -> m.createArrayNode().add(1).add("x"), m -> m.getNodeFactory().nullNode(),
            m -> m.createObjectNode().put("steps", "oops"));

    @Test
    void everyFieldWithEveryWrongTypeStillLoadsEveryPanel() throws Exception {
        Path fixture = NodeExporterFullTest.fixture("node-exporter-full.json");
        JsonNode original = JSON.readTree(Files.readString(fixture));
        GrafanaDashboardLoader loader = new GrafanaDashboardLoader(DatasourceResolver.single("local"));
        int expected = loader.parse(original.toString(), "nef").allPanels().size();
        for (String field : FIELDS) {
            for (Function<ObjectMapper, JsonNode> value : VALUES) {
                ObjectNode copy = original.deepCopy();
                mutate(copy.get("panels"), field, value.apply(JSON));
                Dashboard d = loader.parse(copy.toString(), "nef");
                assertThat(d.allPanels()).as(field + " = " + value.apply(JSON)).hasSize(expected);
                assertThat(d.unsupportedPanels()).allSatisfy(u -> assertThat(u.reason()).isNotBlank());
                assertThat(DashboardCheck.check(Path.of("nef.json"), d)).isNotNull();
            }
        }
    }

    private static void mutate(JsonNode panels, String field, JsonNode value) {
        for (JsonNode p : panels) {
            if (p instanceof ObjectNode o && !"row".equals(p.path("type").asText())) {
                o.set(field, value);
            }
            if (p.has("panels") && p.get("panels").isArray()) {
                mutate(p.get("panels"), field, value);
            }
        }
    }

    @Test
    void nodeExporterFullPassesTheDashboardCheck() {
        Path fixture = NodeExporterFullTest.fixture("node-exporter-full.json");
        Dashboard d = new GrafanaDashboardLoader(DatasourceResolver.single("local")).load(fixture);
        assertThat(DashboardCheck.check(fixture, d)).isEmpty();
    }
}
