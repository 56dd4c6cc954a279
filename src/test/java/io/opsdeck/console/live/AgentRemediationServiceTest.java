package io.opsdeck.console.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.opsdeck.agent.RemediationAgent;
import io.opsdeck.console.RemediationException;
import io.opsdeck.console.RemediationFilter;
import io.opsdeck.console.RemediationItem;
import io.opsdeck.console.RemediationRisk;
import io.opsdeck.http.ConnectionSettings;
import java.time.Clock;
import java.time.Duration;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The console's remediation client against a real agent in this JVM with real command plans. */
class AgentRemediationServiceTest {

    @RegisterExtension
    static final RemediationAgent AGENT = RemediationAgent.perClass();

    private static AgentRemediationService as(ConnectionSettings connection) {
        return AGENT.service(connection, Clock.systemUTC());
    }

    private static AgentRemediationService as(String user) {
        return AGENT.service(user);
    }

    private static RemediationItem pendingFor(AgentRemediationService s, String host) throws Exception {
        await().atMost(Duration.ofSeconds(15)).until(() -> s.pending().stream().anyMatch(r -> host.equals(r.target())));
        return s.pending().stream().filter(r -> host.equals(r.target())).findFirst().orElseThrow();
    }

    @Test
    void aMediumRequestIsPendingWithRiskReasonsActionDryRunAndDeadline() throws Exception {
        AgentRemediationService alice = as("alice");
        AGENT.fire("WebDown", "web-1");
        RemediationItem r = pendingFor(alice, "web-1");
        assertThat(r.plan()).isEqualTo("restart-web");
        assertThat(r.risk().level()).isEqualTo(RemediationRisk.Level.MEDIUM);
        assertThat(r.risk().reasons()).anySatisfy(reason -> assertThat(reason).contains("base risk of plan restart-web is medium"));
        assertThat(r.action()).contains("/bin/echo").contains("restarted web on").contains("web-1");
        assertThat(r.labels()).containsEntry("alertname", "WebDown").containsEntry("instance", "web-1");
        assertThat(r.requestedBy()).isEqualTo("alertmanager");
        assertThat(r.expiresAt()).isAfter(java.time.Instant.now().plusSeconds(60));
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingFor(alice, "web-1").dryRunOutput() != null);
        assertThat(pendingFor(alice, "web-1").dryRunOutput()).contains("would restart web on web-1");

        assertThatThrownBy(() -> as("vera").approve(r.id(), "ok"))
                .isInstanceOfSatisfying(RemediationException.class, e -> assertThat(e.kind()).isEqualTo(RemediationException.Kind.TOKEN_REFUSED))
                .hasMessageContaining("agent (http://127.0.0.1:").hasMessageContaining("token refused").hasMessageContaining("needs approver");
        assertThat(alice.approve(r.id(), "checked the dry run").status()).isIn("queued", "running", "verifying", "done");
        await().atMost(Duration.ofSeconds(20)).until(() -> alice.request(r.id()).orElseThrow().result() != null);
        RemediationItem done = alice.request(r.id()).orElseThrow();
        assertThat(done.result()).isEqualTo("succeeded");
        assertThat(done.output()).contains("restarted web on web-1");
        assertThat(done.approvedBy()).containsExactly("alice");
        assertThat(alice.history(new RemediationFilter("restart-web", "succeeded", "web-1", 50))).extracting(RemediationItem::id).contains(r.id());
        assertThat(alice.history(new RemediationFilter("restart-web", "", "no-such-words", 50))).isEmpty();
        assertThatThrownBy(() -> alice.approve(r.id(), "again"))
                .isInstanceOfSatisfying(RemediationException.class, e -> assertThat(e.kind()).isEqualTo(RemediationException.Kind.CONFLICT))
                .hasMessageContaining("not waiting for approval");
    }

    @Test
    void approvingYourOwnRequestIsRefusedWithTheAgentsReason() throws Exception {
        AgentRemediationService alice = as("alice");
        String fingerprint = AGENT.fire("WebDown", "web-2");
        RemediationItem fromAlertmanager = pendingFor(alice, "web-2");
        assertThat(alice.plansFor(fingerprint)).singleElement().satisfies(p -> {
            assertThat(p.plan()).isEqualTo("restart-web");
            assertThat(p.risk().level()).isEqualTo(RemediationRisk.Level.MEDIUM);
            assertThat(p.decision()).isEqualTo("approval");
        });
        String mine = alice.trigger("restart-web", fingerprint, "by hand").requestId();
        assertThat(mine).isNotEqualTo(fromAlertmanager.id());
        assertThatThrownBy(() -> alice.approve(mine, "my own"))
                .isInstanceOfSatisfying(RemediationException.class, e -> assertThat(e.kind()).isEqualTo(RemediationException.Kind.REFUSED))
                .hasMessageContaining("alice requested this and cannot approve it");
        assertThat(as("bob").reject(mine, "duplicate of the alert's request").status()).isEqualTo("done");
        assertThat(alice.reject(fromAlertmanager.id(), "not needed").status()).isEqualTo("done");
        assertThat(AGENT.audit(mine)).contains("duplicate of the alert's request");
    }

    @Test
    void togglesAreReadAndAChangeByAnAdminIsAudited() throws Exception {
        assertThat(as("vera").toggles()).containsEntry("auto", true).containsEntry("dry_run", false).containsKeys("plan.restart-web", "plan.drain-web");
        assertThatThrownBy(() -> as("alice").setToggle("plan.drain-web", false)).hasMessageContaining("token refused").hasMessageContaining("needs admin");
        assertThat(as("ada").setToggle("plan.drain-web", false)).containsEntry("plan.drain-web", false);
        assertThat(as("ada").setToggle("plan.drain-web", true)).containsEntry("plan.drain-web", true);
        assertThat(AGENT.audit(null)).contains("\"toggle\"").contains("plan.drain-web");
    }

    @Test
    void aRunningActionIsListedAndCanBeCancelled() throws Exception {
        AgentRemediationService otto = as("otto");
        AGENT.fire("WebQueueFull", "web-3");
        await().atMost(Duration.ofSeconds(15)).until(() -> otto.running().stream().anyMatch(r -> "web-3".equals(r.target())));
        RemediationItem r = otto.running().stream().filter(x -> "web-3".equals(x.target())).findFirst().orElseThrow();
        assertThat(r.action()).contains("/bin/sleep");
        otto.cancel(r.id());
        await().atMost(Duration.ofSeconds(15)).until(() -> otto.request(r.id()).orElseThrow().result() != null);
        assertThat(otto.request(r.id()).orElseThrow().result()).isEqualTo("cancelled");
        assertThat(otto.request("00000000-no-such")).isEmpty();
    }

    @Test
    void aWrongTokenAndADownAgentAreOneClearSentenceNamingTheAgent() throws Exception {
        ConnectionSettings wrong = ConnectionSettings.builder("agent", HttpUrl.get(AGENT.baseUrl().toString()))
                .bearerToken(io.opsdeck.util.Secret.of("not-a-token")).build();
        assertThatThrownBy(() -> as(wrong).pending())
                .isInstanceOfSatisfying(RemediationException.class, e -> assertThat(e.kind()).isEqualTo(RemediationException.Kind.TOKEN_REFUSED))
                .hasMessageContaining("agent (http://127.0.0.1:").hasMessageContaining("token refused").hasMessageNotContaining("not-a-token");
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ConnectionSettings down = ConnectionSettings.builder("agent", HttpUrl.get("http://127.0.0.1:" + port + "/"))
                .bearerToken(io.opsdeck.util.Secret.of("alice-token")).build();
        assertThatThrownBy(() -> as(down).pending())
                .isInstanceOfSatisfying(RemediationException.class, e -> assertThat(e.kind()).isEqualTo(RemediationException.Kind.UNREACHABLE))
                .hasMessageContaining("agent (http://127.0.0.1:" + port).hasMessageNotContaining("alice-token");
    }
}
