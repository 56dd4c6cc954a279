package io.opsdeck.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The history parts of the API the console's Notifications view and Alerts workspace read: paging, filters, resolved alerts. */
class AgentHistoryApiTest {

    @RegisterExtension
    final AgentUnderTest agent = AgentUnderTest.started();

    private void hook(String body) throws Exception {
        assertThat(Webhooks.deliver(agent.base(), "hook-token", body).code()).isEqualTo(200);
    }

    private JsonNode get(String path) throws Exception {
        Webhooks.Answer a = Webhooks.get(agent.base(), path, "viewer-token");
        assertThat(a.code()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    /** Each listed notification's alertname, in order; not the alertname among its labels. */
    private static List<String> names(JsonNode rows) {
        List<String> names = new ArrayList<>();
        rows.forEach(r -> names.add(r.path("alertname").asText()));
        return names;
    }

    @Test
    void pagesWalkEveryNotificationNewestFirstWithoutRepeats() throws Exception {
        for (int i = 0; i < 5; i++) {
            hook(Webhooks.firing("Paged" + i, "warning", "fp-page-" + i));
        }
        List<String> seen = new ArrayList<>();
        String cursor = "";
        for (int page = 0; page < 10; page++) {
            JsonNode rows = get("/api/v1/notifications?limit=2" + cursor);
            if (rows.isEmpty()) {
                break;
            }
            assertThat(rows.size()).isLessThanOrEqualTo(2);
            rows.forEach(r -> seen.add(r.path("alertname").asText()));
            cursor = "&before=" + rows.get(rows.size() - 1).path("seq").asLong();
        }
        assertThat(seen).containsExactly("Paged4", "Paged3", "Paged2", "Paged1", "Paged0");
    }

    @Test
    void alertFilterMatchesPartOfTheNameIgnoringCaseAndLikeWildcardsLiterally() throws Exception {
        hook(Webhooks.firing("DiskFull", "warning", "fp-disk"));
        hook(Webhooks.firing("HighCpu", "warning", "fp-cpu"));
        assertThat(names(get("/api/v1/notifications?alert=diskf"))).containsOnly("DiskFull").isNotEmpty();
        assertThat(names(get("/api/v1/notifications?alert=fp-cpu"))).containsOnly("HighCpu").isNotEmpty();
        assertThat(get("/api/v1/notifications?alert=%25")).isEmpty();
        assertThat(get("/api/v1/notifications?alert=_")).isEmpty();
    }

    @Test
    void timeWindowAndChannelFiltersNarrowTheSearch() throws Exception {
        hook(Webhooks.firing("Critical1", "critical", "fp-crit"));
        long between = System.currentTimeMillis();
        await().atMost(Duration.ofSeconds(2)).until(() -> System.currentTimeMillis() > between + 5);
        hook(Webhooks.firing("Warn1", "warning", "fp-warn"));
        assertThat(names(get("/api/v1/notifications?until=" + between))).containsOnly("Critical1").isNotEmpty();
        assertThat(names(get("/api/v1/notifications?since=" + between))).containsOnly("Warn1").isNotEmpty();
        assertThat(names(get("/api/v1/notifications?channel=slack"))).containsExactly("Critical1");
        assertThat(get("/api/v1/notifications?channel=&recipient=").size()).isEqualTo(get("/api/v1/notifications").size());
        assertThat(Webhooks.get(agent.base(), "/api/v1/notifications?before=yesterday", "viewer-token").code()).isEqualTo(400);
    }

    @Test
    void resolvedListCarriesNameLabelsAndFiringTimeOncePerAlert() throws Exception {
        Map<String, String> labels = Map.of("alertname", "Flaky", "severity", "warning", "instance", "web-1");
        hook(Webhooks.firing("Flaky", "warning", "fp-flaky"));
        hook(Webhooks.payload(Webhooks.groupKey("Flaky"), "resolved", "fp-flaky", labels, "2026-01-01T10:00:00Z"));
        hook(Webhooks.payload(Webhooks.groupKey("Flaky"), "firing", "fp-flaky", labels, "2026-01-01T12:00:00Z"));
        hook(Webhooks.payload(Webhooks.groupKey("Flaky"), "resolved", "fp-flaky", labels, "2026-01-01T12:00:00Z"));
        JsonNode resolved = get("/api/v1/alerts/resolved?since=1h");
        assertThat(resolved).hasSize(1);
        JsonNode r = resolved.get(0);
        assertThat(r.path("alertname").asText()).isEqualTo("Flaky");
        assertThat(r.path("severity").asText()).isEqualTo("warning");
        assertThat(r.path("labels").path("instance").asText()).isEqualTo("web-1");
        assertThat(r.path("firingSince").asLong()).isPositive().isLessThanOrEqualTo(r.path("at").asLong());
        JsonNode history = get("/api/v1/alerts/fp-flaky/history");
        assertThat(r.path("firingSince").asLong()).isEqualTo(history.get(2).path("at").asLong());
        assertThat(Webhooks.get(agent.base(), "/api/v1/alerts/resolved?since=1h", "viewer-token").json().get(0).path("seq").asLong())
                .isEqualTo(history.get(3).path("seq").asLong());
        hook(Webhooks.payload(Webhooks.groupKey("Flaky"), "firing", "fp-flaky", labels, "2026-01-01T13:00:00Z"));
        assertThat(get("/api/v1/alerts/resolved?since=1h")).as("firing again: no longer recently resolved").isEmpty();
    }
}
