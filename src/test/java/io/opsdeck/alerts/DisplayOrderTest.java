package io.opsdeck.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.alertmanager.Alert;
import io.opsdeck.alertmanager.AlertState;
import io.opsdeck.alertmanager.AlertStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DisplayOrderTest {

    @Test
    void sortsExactlyAsTheRowComparatorIncludingSameSecondTiesMissingAndPre1970Starts() {
        SplittableRandom random = new SplittableRandom(7);
        String[] severities = {"critical", "warning", "info", "", "page"};
        List<AlertRow> rows = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            int kind = random.nextInt(10);
            Instant start = kind == 0 ? null
                    : kind == 1 ? Instant.ofEpochSecond(-random.nextInt(100), random.nextInt(3))
                    : Instant.ofEpochSecond(1_800_000_000L + random.nextInt(50), random.nextInt(3) * 1000);
            String fingerprint = String.format("%016x", random.nextLong());
            Alert alert = new Alert(fingerprint, Map.of("alertname", "A", "severity",
                    severities[random.nextInt(severities.length)]), Map.of(), start, null, null, "", List.of(),
                    new AlertStatus(AlertState.ACTIVE, List.of(), List.of()));
            rows.add(new AlertRow("eu/" + fingerprint, "eu", alert, RowState.FIRING, Optional.empty(), List.of(),
                    List.of(), Set.of(), false, Severity.of(alert.label("severity")), ""));
        }
        assertThat(DisplayOrder.sort(rows)).containsExactlyElementsOf(rows.stream().sorted(Grouper.ROW_ORDER).toList());
    }
}
