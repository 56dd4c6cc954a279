package io.opsdeck.dashboard.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.dashboard.Dashboard;
import io.opsdeck.dashboard.DashboardPanel;
import io.opsdeck.dashboard.DatasourceRef;
import io.opsdeck.dashboard.DatasourceResolver;
import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.RowPanel;
import io.opsdeck.dashboard.UnsupportedPanel;
import io.opsdeck.dashboard.Variable;
import io.opsdeck.dashboard.VariableType;
import io.opsdeck.dashboard.units.ValueFormats;
import io.opsdeck.dashboard.variables.VariableResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The real community dashboard (rfmoz Node Exporter Full, Grafana 11 export) loads completely. */
class NodeExporterFullTest {

    private static final Logger LOG = LoggerFactory.getLogger(NodeExporterFullTest.class);
    private static Dashboard dashboard;

    static Path fixture(String name) {
        Path p = Path.of(System.getProperty("user.dir")).resolve("../shared/fixtures/grafana").resolve(name).normalize();
        assertThat(p).as("shared Grafana fixture (expected at ../shared/fixtures/grafana)").exists();
        return p;
    }

    @BeforeAll
    static void load() {
        dashboard = new GrafanaDashboardLoader(DatasourceResolver.single("local")).load(fixture("node-exporter-full.json"));
    }

    @Test
    void everyPanelIsSupportedOrCarriesAReason() {
        List<DashboardPanel> all = dashboard.allPanels();
        long rows = dashboard.panels().stream().filter(RowPanel.class::isInstance).count();
        long supported = all.stream().filter(Panel.class::isInstance).count();
        long unsupported = all.stream().filter(UnsupportedPanel.class::isInstance).count();
        double share = 100.0 * supported / all.size();
        LOG.info("Node Exporter Full: {} panels in {} rows, {} supported, {} unsupported ({} % supported)",
                all.size(), rows, supported, unsupported, String.format("%.1f", share));
        dashboard.unsupportedPanels().forEach(u -> LOG.info("unsupported: {} - {}", u.title(), u.reason()));

        // README: 141 panels = 16 rows + 125 visualizations
        assertThat(rows).isEqualTo(16);
        assertThat(all).hasSize(125);
        assertThat(dashboard.unsupportedPanels()).allSatisfy(u -> assertThat(u.reason()).isNotBlank());
        assertThat(share).as("share of supported panels").isGreaterThanOrEqualTo(95.0);
    }

    @Test
    void collapsedRowsKeepTheirNestedPanels() {
        List<RowPanel> rows = dashboard.panels().stream().filter(RowPanel.class::isInstance)
                .map(RowPanel.class::cast).toList();
        assertThat(rows.get(0).title()).isEqualTo("Quick CPU / Mem / Disk");
        assertThat(rows.get(0).collapsed()).isFalse();
        assertThat(rows.get(0).panels()).isNotEmpty();
        assertThat(rows.stream().filter(RowPanel::collapsed)).hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy(r -> assertThat(r.panels()).as(r.title()).isNotEmpty());
    }

    @Test
    void queriesUseTheDatasourceVariableAndKeepTemplates() {
        List<Panel> panels = dashboard.queryPanels();
        assertThat(panels).allSatisfy(p -> assertThat(p.datasource()).isEqualTo(new DatasourceRef("prometheus", "$ds_prometheus")));
        Panel pressure = panels.stream().filter(p -> p.title().equals("Pressure")).findFirst().orElseThrow();
        assertThat(pressure.type()).isEqualTo("bargauge");
        assertThat(pressure.targets()).hasSize(4);
        assertThat(pressure.targets().get(0).expr()).contains("$__rate_interval").contains("instance=\"$node\"");
        assertThat(pressure.targets().get(0).instant()).isTrue();
        assertThat(pressure.fieldConfig().defaults().unit()).isEqualTo("percentunit");
        assertThat(pressure.fieldConfig().defaults().thresholds().colorFor(0.95, 0, 1)).isEqualTo("dark-red");
    }

    @Test
    void variablesResolveInDependencyOrder() {
        assertThat(dashboard.variables()).extracting(Variable::name).containsExactly("ds_prometheus", "job", "nodename", "node");
        assertThat(dashboard.variables().get(0).type()).isEqualTo(VariableType.DATASOURCE);
        List<Variable> ordered = VariableResolver.dependencyOrder(dashboard.variables());
        assertThat(ordered.indexOf(dashboard.variables().get(1))).isLessThan(ordered.indexOf(dashboard.variables().get(2)));
    }

    @Test
    void everyUnitOfTheDashboardHasAFormatter() {
        assertThat(dashboard.queryPanels()).allSatisfy(p ->
                assertThat(ValueFormats.knownUnits().contains(p.fieldConfig().defaults().unit())
                        || p.fieldConfig().defaults().unit().isEmpty()).as(p.title() + " unit " + p.fieldConfig().defaults().unit()).isTrue());
    }

    @Test
    void fixtureIsTheRealExport() throws Exception {
        assertThat(Files.readString(fixture("node-exporter-full.json"))).contains("\"schemaVersion\": 41");
    }
}
