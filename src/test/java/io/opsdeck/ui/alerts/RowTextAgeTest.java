package io.opsdeck.ui.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.alertmanager.FleetSnapshot;
import io.opsdeck.alerts.AlertRow;
import io.opsdeck.alerts.AlertWorkspace;
import io.opsdeck.alerts.ResolvedAlert;
import io.opsdeck.ui.common.Messages;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The list's age column: a resolved row says how long it fired, not a time since it started that keeps growing. */
class RowTextAgeTest {

    private final Messages messages = Messages.english();

    @Test
    void aResolvedRowSaysHowLongItFiredWhateverTheTimeNow() {
        Instant resolvedAt = Instant.parse("2026-11-23T03:00:00Z");
        ResolvedAlert resolved = new ResolvedAlert("eu", "fp-1", Map.of("alertname", "Flaky", "severity", "warning"),
                Map.of(), resolvedAt.minus(Duration.ofMinutes(5)), resolvedAt);
        AlertRow row = AlertWorkspace.snapshotOf(new FleetSnapshot(List.of(), Map.of(), resolvedAt), null,
                List.of(resolved), Duration.ofSeconds(10)).rows().getFirst();

        assertThat(row.resolved()).isTrue();
        assertThat(RowText.age(row, resolvedAt.plus(Duration.ofMinutes(14)), messages)).isEqualTo("fired for 5 min");
        assertThat(RowText.age(row, resolvedAt.plus(Duration.ofHours(2)), messages)).isEqualTo("fired for 5 min");
    }
}
