package io.opsdeck.ui.panels;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.console.ActiveAlert;
import io.opsdeck.console.AlertState;
import io.opsdeck.console.Severity;
import io.opsdeck.dashboard.FieldDefaults;
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
    void everyStateHasItsOwnColourAndAllButOkTheirOwnShape() {
        assertThat(Arrays.stream(HostStatus.State.values()).map(HostStatus.State::color).distinct()).hasSize(6);
        assertThat(Arrays.stream(HostStatus.State.values()).map(HostStatus.State::glyph).distinct()).hasSize(6);
    }
}
