package io.opsdeck.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsdeck.notify.WebhookChannel;
import io.opsdeck.store.Escalation;
import io.opsdeck.util.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PagerDuty v3 webhooks posted to a real agent: signed acknowledgements stop escalation, anything unsigned changes nothing. */
class AgentPagerDutyWebhookTest {

    private static final String SECRET = "pd-webhook-secret-1";
    private static final String PATH = "/api/v1/pagerduty/webhook";

    @RegisterExtension
    final AgentUnderTest agent = AgentUnderTest.notStarted();

    private URI start(boolean withSecret) throws Exception {
        return agent.startEdited(yaml -> withSecret
                ? yaml.replace("routing_key: rk-1}", "routing_key: rk-1, webhook_secret: " + SECRET + "}") : yaml);
    }

    private static String acknowledged(String incidentKey) {
        return """
                {"event": {"id": "01DEN3ZK7D", "event_type": "incident.acknowledged", "resource_type": "incident",
                  "occurred_at": "2026-01-01T10:05:00Z",
                  "agent": {"id": "PLH1HKV", "type": "user_reference", "summary": "Jane Doe"},
                  "data": {"id": "Q2RZ1AB", "type": "incident", "number": 7, "status": "acknowledged",
                           "incident_key": "%s", "title": "[OpsDeck] FIRING CRITICAL PdAcked"}}}""".formatted(incidentKey);
    }

    private static Webhooks.Answer postSigned(URI base, String body, String signature) throws Exception {
        Request.Builder b = new Request.Builder().url(base.resolve(PATH).toString())
                .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), MediaType.get("application/json")));
        if (signature != null) {
            b.header("X-PagerDuty-Signature", signature);
        }
        try (Response r = Webhooks.HTTP.newCall(b.build()).execute()) {
            return new Webhooks.Answer(r.code(), r.body().string());
        }
    }

    private static String sign(String secret, String body) {
        return "v1=" + WebhookChannel.sign(Secret.of(secret), body.getBytes(StandardCharsets.UTF_8));
    }

    private String escalationStatus(String fingerprint) {
        return agent.agent().store().read(c -> agent.agent().store().escalations().all(c)).stream()
                .filter(e -> e.fingerprint().equals(fingerprint)).map(Escalation::status).findFirst().orElse("none");
    }

    private long mailsTo(String address) {
        return agent.mailsTo(address);
    }

    @Test
    void signedAcknowledgementStopsEscalationAndIsRecordedWithoutEchoingBackToPagerDuty() throws Exception {
        URI base = start(true);
        Webhooks.deliver(base, "hook-token", Webhooks.firing("PdAcked", "critical", "fp-pd"));
        Webhooks.deliver(base, "hook-token", Webhooks.firing("PdIgnored", "critical", "fp-control"));
        assertThat(escalationStatus("fp-pd")).isEqualTo("active");

        String body = acknowledged("opsdeck-fp-pd");
        Webhooks.Answer answer = postSigned(base, body, sign(SECRET, body));
        assertThat(answer.code()).isEqualTo(200);
        assertThat(answer.json().path("acknowledged").asBoolean()).isTrue();
        assertThat(answer.json().path("fingerprint").asText()).isEqualTo("fp-pd");
        assertThat(escalationStatus("fp-pd")).isEqualTo("acknowledged");

        JsonNode history = Webhooks.get(base, "/api/v1/alerts/fp-pd/history", "viewer-token").json();
        assertThat(history.findValuesAsText("state")).containsExactly("firing", "acknowledged");
        assertThat(history.get(1).path("actor").asText()).isEqualTo("pagerduty:Jane Doe");
        assertThat(history.get(1).path("details").asText()).contains("incident Q2RZ1AB");

        // the unacknowledged control alert escalates to bob; the acknowledged one never does
        await().atMost(Duration.ofSeconds(15)).until(() -> mailsTo("bob@example.com") >= 1);
        assertThat(escalationStatus("fp-control")).isEqualTo("exhausted");
        assertThat(mailsTo("bob@example.com")).isEqualTo(1);
        assertThat(AgentFixture.mails(agent.smtp(), m -> m.getSubject().contains("PdAcked") && m.getSubject().contains("ESCALATED")))
                .isEmpty();
        // PagerDuty already knows: no "acknowledge" event goes back to it
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.receiver().received().stream().filter(r -> r.path().equals("/v2/enqueue")).count() >= 2);
        assertThat(agent.receiver().received()).noneMatch(r -> r.body().contains("\"acknowledge\""));

        // PagerDuty redelivers: answered 200, nothing changes twice
        Webhooks.Answer again = postSigned(base, body, sign(SECRET, body));
        assertThat(again.code()).isEqualTo(200);
        assertThat(again.json().path("acknowledged").asBoolean()).isFalse();
        assertThat(Webhooks.get(base, "/api/v1/alerts/fp-pd/history", "viewer-token").json().findValuesAsText("state"))
                .containsExactly("firing", "acknowledged");
    }

    @Test
    void missingWrongOrStaleSignaturesAreRefusedAndChangeNothing() throws Exception {
        URI base = start(true);
        Webhooks.deliver(base, "hook-token", Webhooks.firing("PdAcked", "critical", "fp-pd"));
        String body = acknowledged("opsdeck-fp-pd");
        assertThat(postSigned(base, body, null).code()).isEqualTo(401);
        assertThat(postSigned(base, body, sign("not-the-secret", body)).code()).isEqualTo(401);
        assertThat(postSigned(base, body, sign(SECRET, body).replace("v1=", "v0=")).code()).isEqualTo(401);
        // a valid signature of another body: the body was tampered with
        assertThat(postSigned(base, body, sign(SECRET, acknowledged("opsdeck-other"))).code()).isEqualTo(401);
        Webhooks.Answer refused = postSigned(base, body, "v1=00");
        assertThat(refused.code()).isEqualTo(401);
        assertThat(refused.body()).contains("X-PagerDuty-Signature").doesNotContain(SECRET);
        assertThat(escalationStatus("fp-pd")).isEqualTo("active");
        assertThat(Webhooks.get(base, "/api/v1/alerts/fp-pd/history", "viewer-token").json().findValuesAsText("state"))
                .containsExactly("firing");
    }

    @Test
    void duringSecretRotationAnyListedSignatureMayMatch() throws Exception {
        URI base = start(true);
        Webhooks.deliver(base, "hook-token", Webhooks.firing("PdAcked", "critical", "fp-pd"));
        String body = acknowledged("opsdeck-fp-pd");
        Webhooks.Answer answer = postSigned(base, body, sign("old-secret", body) + ", " + sign(SECRET, body));
        assertThat(answer.code()).isEqualTo(200);
        assertThat(escalationStatus("fp-pd")).isEqualTo("acknowledged");
    }

    @Test
    void otherEventsForeignIncidentsAndMalformedBodiesGetClearAnswers() throws Exception {
        URI base = start(true);
        String foreign = acknowledged("somebody-elses-key");
        Webhooks.Answer ignored = postSigned(base, foreign, sign(SECRET, foreign));
        assertThat(ignored.code()).isEqualTo(200);
        assertThat(ignored.json().path("result").asText()).contains("not opened by OpsDeck");
        String triggered = acknowledged("opsdeck-fp-pd").replace("incident.acknowledged", "incident.triggered");
        assertThat(postSigned(base, triggered, sign(SECRET, triggered)).json().path("result").asText()).isEqualTo("ignored incident.triggered");
        String broken = "{\"event\": {\"event_type\": ";
        Webhooks.Answer bad = postSigned(base, broken, sign(SECRET, broken));
        assertThat(bad.code()).isEqualTo(400);
        assertThat(bad.json().path("error").asText()).contains("malformed PagerDuty webhook");
    }

    @Test
    void withoutAWebhookSecretTheEndpointIsOff() throws Exception {
        URI base = start(false);
        String body = acknowledged("opsdeck-fp-pd");
        Webhooks.Answer answer = postSigned(base, body, sign(SECRET, body));
        assertThat(answer.code()).isEqualTo(404);
        assertThat(answer.body()).contains("webhook_secret");
    }
}
