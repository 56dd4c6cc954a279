package io.opsdeck.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.opsdeck.simulate.stack.FreePorts;
import io.opsdeck.teststack.AlertmanagerConfigs;
import io.opsdeck.teststack.RealStack;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A real Alertmanager sends its webhook to the agent; a second agent polls the same Alertmanager. */
class AgentRealAlertmanagerTest {

    private static final int AGENT_PORT = FreePorts.next();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @RegisterExtension
    static final RealStack STACK = RealStack.builder().alertmanagers(1).alertmanagerConfig(
            AlertmanagerConfigs.webhookToAgent(AGENT_PORT, "1h", "send_resolved: true", """
                    http_config:
                      authorization: {type: Bearer, credentials: hook-token}""")).build();

    @TempDir
    Path dir;

    private static void postAlert(String name, String severity, Instant endsAt) throws Exception {
        String body = """
                [{"labels": {"alertname": "%s", "severity": "%s", "instance": "db-1"},
                  "annotations": {"summary": "%s on db-1"},
                  "startsAt": "2026-01-01T10:00:00Z"%s}]""".formatted(name, severity, name,
                endsAt == null ? "" : ", \"endsAt\": \"" + endsAt + "\"");
        Webhooks.Answer answer = Webhooks.post(STACK.alertmanager().baseUrl(), "/api/v2/alerts", null, body);
        assertThat(answer.code()).as(answer.body()).isEqualTo(200);
    }

    private static long mailsAbout(String subjectPart) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains(subjectPart);
            } catch (Exception e) {
                return false;
            }
        }).count();
    }

    @Test
    void alertPostedToAlertmanagerArrivesAsEmailAndItsResolutionToo() throws Exception {
        String yaml = AgentFixture.yaml(dir, SMTP.getSmtp().getPort(), "http://127.0.0.1:1", null)
                .replace("listen: 127.0.0.1:0", "listen: 127.0.0.1:" + AGENT_PORT);
        try (Agent agent = Agent.start(AgentFixture.settings(yaml))) {
            postAlert("ReplicationLag", "warning", null);
            await().atMost(Duration.ofSeconds(30)).until(() -> mailsAbout("FIRING WARNING ReplicationLag") == 1);
            MimeMessage mail = Arrays.stream(SMTP.getReceivedMessages()).findFirst().orElseThrow();
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("alice@example.com");
            postAlert("ReplicationLag", "warning", Instant.now().minusSeconds(1));
            await().atMost(Duration.ofSeconds(30)).until(() -> mailsAbout("RESOLVED WARNING ReplicationLag") == 1);
            JsonNode history = Webhooks.get(agent.baseUrl(), "/api/v1/notifications?alert=ReplicationLag", "viewer-token").json();
            String fingerprint = history.get(0).path("fingerprint").asText();
            JsonNode states = Webhooks.get(agent.baseUrl(), "/api/v1/alerts/" + fingerprint + "/history", "viewer-token").json();
            assertThat(states.findValuesAsText("state")).containsExactly("firing", "resolved");
            JsonNode resolved = Webhooks.get(agent.baseUrl(), "/api/v1/alerts/resolved?since=1h", "viewer-token").json();
            assertThat(resolved.findValuesAsText("alertname")).contains("ReplicationLag");
            assertThat(resolved.get(0).path("alertmanager").asText())
                    .as("the webhook's externalURL names the Alertmanager the alert came from")
                    .isEqualTo(alertmanagerUrl());
        }
    }

    /** The stack's Alertmanager as the agent records it: its URL without a trailing slash. */
    private static String alertmanagerUrl() {
        return STACK.alertmanager().baseUrl().toString().replaceAll("/+$", "");
    }

    @Test
    void pollingFindsNewAlertsOnceAcrossRestartsAndAcknowledgesFromAnAckSilence() throws Exception {
        String poll = """
                  poll:
                    alertmanagers: ['%s']
                    interval: 500ms
                """.formatted(STACK.alertmanager().baseUrl());
        // a long first tier: the acknowledgement, not the clock, must be what stops the chain
        String yaml = AgentFixture.yaml(dir, SMTP.getSmtp().getPort(), "http://127.0.0.1:1", poll).replace("after: 2s", "after: 1h");
        postAlert("PolledDown", "critical", null);
        try (Agent agent = Agent.start(AgentFixture.settings(yaml))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> mailsAbout("FIRING CRITICAL PolledDown") == 1);
        }
        try (Agent agent = Agent.start(AgentFixture.settings(yaml))) {
            URI base = agent.baseUrl();
            String silence = """
                    {"matchers": [{"name": "alertname", "value": "PolledDown", "isRegex": false, "isEqual": true}],
                     "startsAt": "%s", "endsAt": "%s", "createdBy": "carol", "comment": "ACK! looking into it"}"""
                    .formatted(Instant.now(), Instant.now().plusSeconds(3600));
            assertThat(Webhooks.post(STACK.alertmanager().baseUrl(), "/api/v2/silences", null, silence).code()).isEqualTo(200);
            JsonNode rows = Webhooks.get(base, "/api/v1/notifications?alert=PolledDown", "viewer-token").json();
            String fingerprint = rows.get(0).path("fingerprint").asText();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(Webhooks.get(base,
                    "/api/v1/alerts/" + fingerprint + "/history", "viewer-token").json().findValuesAsText("actor")).contains("carol"));
            assertThat(mailsAbout("FIRING CRITICAL PolledDown")).as("the restart did not notify again").isEqualTo(1);
            java.util.List<io.opsdeck.store.Escalation> chains = agent.store().read(c -> agent.store().escalations().all(c));
            assertThat(chains).singleElement()
                    .satisfies(e -> assertThat(e.status()).as("the acknowledgement stopped the escalation").isEqualTo("acknowledged"));
            postAlert("PolledDown", "critical", Instant.now().minusSeconds(1));
            await().atMost(Duration.ofSeconds(20)).until(() -> Webhooks.get(base, "/api/v1/alerts/resolved?since=1h",
                    "viewer-token").json().findValuesAsText("alertname").contains("PolledDown"));
            JsonNode resolved = Webhooks.get(base, "/api/v1/alerts/resolved?since=1h", "viewer-token").json();
            assertThat(resolved.get(0).path("alertmanager").asText()).as("the poller names the Alertmanager it asked")
                    .isEqualTo(alertmanagerUrl());
        }
    }
}
