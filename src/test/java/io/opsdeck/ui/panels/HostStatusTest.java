package io.opsdeck.ui.panels;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.console.ActiveAlert;
import io.opsdeck.console.AlertState;
import io.opsdeck.console.Severity;
import io.opsdeck.dashboard.FieldDefaults;
import io.opsdeck.dashboard.Target;
import io.opsdeck.dashboard.ValueMapping;
import io.opsdeck.dashboard.frame.Frame;
import io.opsdeck.dashboard.frame.Series;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostStatusTest {

    private static Series up(String host, double value) {
        return new Series(host, Map.of("instance", host), "A", new long[] {1000}, new double[] {value});
    }

    private static ActiveAlert alert(String host, Severity s) {
        return new ActiveAlert(host + s, "A", s, host, "", Instant.EPOCH, AlertState.ACTIVE);
    }

    @Test
    void downBeatsAlertsAndTheWorstAlertSeverityColoursAnUpHostWorstFirst() {
        Frame f = new Frame(List.of(up("ok-1", 1), up("down-1", 0), up("crit-1", 1), up("warn-1", 1),
                up("info-1", 1), up("nodata-1", Double.NaN)));
        List<HostStatus> cells = HostStatus.of(f, FieldDefaults.EMPTY, List.of(alert("down-1", Severity.CRITICAL),
                alert("crit-1", Severity.WARNING), alert("crit-1", Severity.CRITICAL), alert("warn-1", Severity.WARNING),
                alert("info-1", Severity.INFO)));
        assertThat(cells).extracting(HostStatus::host)
                .containsExactly("down-1", "crit-1", "warn-1", "info-1", "ok-1", "nodata-1");
        assertThat(cells).extracting(HostStatus::state).containsExactly(HostStatus.State.DOWN,
                HostStatus.State.CRITICAL, HostStatus.State.WARNING, HostStatus.State.INFO, HostStatus.State.OK,
                HostStatus.State.NO_DATA);
        assertThat(cells.get(1).alerts()).isEqualTo(2);
    }

    @Test
    void aServiceQueryThatReturnsNothingKeepsItsNamedCellInTheNoValueMapping() {
        // as the Executive "Services" grid: min(up{job="..."}) per service, each with a fixed legend
        List<Target> targets = List.of(target("A", "PostgreSQL"), target("B", "Alertmanager"), target("C", "{{instance}}"));
        FieldDefaults field = FieldDefaults.EMPTY.withMappings(List.of(new ValueMapping.ValueMap("1",
                new ValueMapping.Result("UP", "green")), new ValueMapping.SpecialMap("null+nan",
                new ValueMapping.Result("MISSING", "orange"))));
        Frame f = new Frame(List.of(new Series("PostgreSQL", Map.of(), "A", new long[] {1000}, new double[] {1})));
        List<HostStatus> cells = HostStatus.of(f, field, List.of(), targets);
        assertThat(cells).extracting(HostStatus::host).as("a templated legend has no name to show")
                .containsExactly("PostgreSQL", "Alertmanager");
        assertThat(cells.get(1).state()).isEqualTo(HostStatus.State.NO_DATA);
        assertThat(cells.get(1).text()).isEqualTo("MISSING");
    }

    private static Target target(String ref, String legend) {
        return new Target(ref, "min(up)", legend, false, "", null, false);
    }

    @Test
    void everyStateHasItsOwnColourAndAllButOkTheirOwnShape() {
        assertThat(Arrays.stream(HostStatus.State.values()).map(HostStatus.State::color).distinct()).hasSize(6);
        assertThat(Arrays.stream(HostStatus.State.values()).map(HostStatus.State::glyph).distinct()).hasSize(6);
    }
}
