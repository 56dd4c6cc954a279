package io.opsdeck.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsdeck.teststack.LocalReceiver;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AgentWebhookTest {

    @RegisterExtension
    final AgentUnderTest agent = AgentUnderTest.started();

    private Webhooks.Answer hook(String body) throws Exception {
        return Webhooks.deliver(agent.base(), "hook-token", body);
    }

    private long mailsTo(String address) {
        return agent.mailsTo(address);
    }

    @Test
    void criticalAlertReachesEmailSlackPagerDutyAndTheDesktopStream() throws Exception {
        Webhooks.Answer answer = hook(Webhooks.firing("HighCpu", "critical", "fp-cpu"));
        assertThat(answer.code()).isEqualTo(200);
        assertThat(answer.json().path("new").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo("alice@example.com") == 1 && agent.receiver().received().size() == 2);
        assertThat(agent.receiver().received()).extracting(LocalReceiver.Received::path).containsExactlyInAnyOrder("/slack/T0/B0/SECRET", "/v2/enqueue");
        MimeMessage mail = agent.smtp().getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("[OpsDeck] FIRING CRITICAL HighCpu");
        try (SseTap stream = new SseTap(agent.base(), "?after=0", "viewer-token", null)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.of("notification").size() == 1);
            assertThat(stream.of("notification").get(0).json().path("subject").asText()).isEqualTo("CRITICAL HighCpu firing");
        }
    }

    @Test
    void redeliveryAndTheHaPeersCopyAreNotifiedOnce() throws Exception {
        String body = Webhooks.firing("DiskFull", "warning", "fp-disk");
        assertThat(hook(body).json().path("new").asInt()).isEqualTo(1);
        assertThat(hook(body).json().path("new").asInt()).isZero();
        assertThat(hook(body).json().path("new").asInt()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo("alice@example.com") == 1);
        // The mail arrives before the worker records the delivery, so wait for the record, then check it is the only one.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode all = Webhooks.get(agent.base(), "/api/v1/notifications?alert=fp-disk", "viewer-token").json();
            assertThat(all).hasSize(1);
            assertThat(all.get(0).path("status").asText()).isEqualTo("delivered");
        });
    }

    @Test
    void badRequestsGetClearErrors() throws Exception {
        Webhooks.Answer malformed = hook("{\n  \"version\": \"4\",\n  \"alerts\": [ }");
        assertThat(malformed.code()).isEqualTo(400);
        assertThat(malformed.json().path("error").asText()).contains("malformed webhook payload").contains("line 3");
        assertThat(Webhooks.deliver(agent.base(), "wrong", Webhooks.firing("X", "info", "f")).code()).isEqualTo(401);
        assertThat(Webhooks.deliver(agent.base(), null, Webhooks.firing("X", "info", "f")).code()).isEqualTo(401);
        String huge = "{\"groupKey\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}";
        assertThat(hook(huge).code()).isEqualTo(413);
        assertThat(hook("{\"version\":\"4\"}").json().path("error").asText()).contains("groupKey");
    }

    @Test
    void serverErrorsAreRetriedWithTheSameIdempotencyKey() throws Exception {
        agent.receiver().failNext(2, 500);
        hook(Webhooks.firing("Down", "critical", "fp-down"));
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.receiver().received().size() == 2);
        JsonNode slack = Webhooks.get(agent.base(), "/api/v1/notifications?channel=slack", "viewer-token").json().get(0);
        JsonNode pd = Webhooks.get(agent.base(), "/api/v1/notifications?channel=pd", "viewer-token").json().get(0);
        assertThat(slack.path("attempts").asInt() + pd.path("attempts").asInt()).isEqualTo(4);
        assertThat(agent.receiver().received()).extracting(r -> r.header("Idempotency-Key"))
                .containsExactlyInAnyOrder(slack.path("idempotencyKey").asText(), pd.path("idempotencyKey").asText());
    }

    @Test
    void unacknowledgedCriticalEscalatesButAcknowledgedOneStops() throws Exception {
        hook(Webhooks.firing("Escalates", "critical", "fp-esc"));
        hook(Webhooks.firing("Acked", "critical", "fp-ack"));
        await().atMost(Duration.ofSeconds(5)).until(() -> mailsTo("alice@example.com") == 2);
        assertThat(Webhooks.post(agent.base(), "/api/v1/alerts/fp-ack/ack", "viewer-token", "").code()).as("viewers cannot ack").isEqualTo(403);
        assertThat(Webhooks.post(agent.base(), "/api/v1/alerts/fp-ack/ack", "operator-token", "").code()).isEqualTo(200);
        // the PagerDuty incident opened for it is acknowledged there too, under the same dedup_key
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(agent.receiver().received().stream()
                .filter(r -> r.path().equals("/v2/enqueue") && r.body().contains("\"acknowledge\"")).toList())
                .singleElement().satisfies(r -> assertThat(r.body()).contains("\"dedup_key\":\"opsdeck-fp-ack\"")));
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo("bob@example.com") >= 1);
        Thread.sleep(2500); // the acknowledged alert's tier would be due by now
        List<MimeMessage> bobs = AgentFixture.mails(agent.smtp(), m -> m.getAllRecipients()[0].toString().equals("bob@example.com"));
        assertThat(bobs).hasSize(1);
        assertThat(bobs.get(0).getSubject()).contains("ESCALATED").contains("Escalates");
        JsonNode history = Webhooks.get(agent.base(), "/api/v1/alerts/fp-ack/history", "viewer-token").json();
        assertThat(history.findValuesAsText("state")).containsExactly("firing", "acknowledged");
        assertThat(history.findValuesAsText("actor")).contains("otto");
    }

    @Test
    void lowSeveritiesArriveAsOneDigest() throws Exception {
        hook(Webhooks.firing("Info1", "info", "fp-i1"));
        hook(Webhooks.firing("Info2", "info", "fp-i2"));
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo("alice@example.com") == 1);
        MimeMessage digest = agent.smtp().getReceivedMessages()[0];
        assertThat(digest.getSubject()).isEqualTo("[OpsDeck] Digest: 2 alerts");
        assertThat(Webhooks.get(agent.base(), "/api/v1/notifications?status=suppressed", "viewer-token").json()).hasSize(2);
    }

    @Test
    void resolvedAlertsHaveHistoryAndAppearInTheResolvedList() throws Exception {
        hook(Webhooks.firing("Flaky", "warning", "fp-flaky"));
        hook(Webhooks.payload(Webhooks.groupKey("Flaky"), "resolved", "fp-flaky",
                Map.of("alertname", "Flaky", "severity", "warning", "instance", "web-1"), "2026-01-01T10:00:00Z"));
        JsonNode history = Webhooks.get(agent.base(), "/api/v1/alerts/fp-flaky/history", "viewer-token").json();
        assertThat(history.findValuesAsText("state")).containsExactly("firing", "resolved");
        JsonNode resolved = Webhooks.get(agent.base(), "/api/v1/alerts/resolved?since=1h", "viewer-token").json();
        assertThat(resolved.findValuesAsText("fingerprint")).containsExactly("fp-flaky");
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo("alice@example.com") == 2);
    }

    @Test
    void apiNeedsATokenAndMetricsCountWhatHappened() throws Exception {
        assertThat(Webhooks.get(agent.base(), "/api/v1/notifications", null).code()).isEqualTo(401);
        assertThat(Webhooks.get(agent.base(), "/api/v1/notifications", "nobody").code()).isEqualTo(401);
        hook(Webhooks.firing("Counted", "warning", "fp-count"));
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo("alice@example.com") == 1);
        String id = Webhooks.get(agent.base(), "/api/v1/notifications", "viewer-token").json().get(0).path("id").asText();
        assertThat(Webhooks.post(agent.base(), "/api/v1/notifications/" + id + "/resend", "operator-token", "").code()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo("alice@example.com") == 2);
        // the counter moves once the delivery is committed, just after the mail server has the mail
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(Webhooks.get(agent.base(), "/metrics", null).body()).contains("opsdeck_notifications_total{channel=\"mail\",status=\"delivered\"} 2.0")
                .contains("opsdeck_webhook_requests_total{code=\"200\"} 1.0")
                .contains("opsdeck_webhook_durable_seconds_count 1")
                .contains("opsdeck_outbox_depth").contains("opsdeck_notification_delivery_seconds_bucket"));
        assertThat(Webhooks.get(agent.base(), "/health/ready", null).code()).isEqualTo(200);
    }
}
