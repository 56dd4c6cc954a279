package io.opsdeck.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.teststack.LocalReceiver;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhooks in progress are bounded by their bodies' bytes: overload answers 503 (retry) instead of filling the heap. */
class AgentIntakeBudgetTest {

    @TempDir
    Path dir;

    @Test
    void bodiesInProgressOverTheByteBudgetGet503AndTheBudgetComesBackWhenTheyEnd() throws Exception {
        try (LocalReceiver receiver = new LocalReceiver()) {
            // a largest body of 8 GiB makes the budget exactly one such body, whatever the test JVM's heap
            String yaml = AgentFixture.yaml(dir, 1, receiver.url("").toString().replaceAll("/$", ""), """
                      max_body_bytes: 8589934592
                    """);
            Agent agent = Agent.start(AgentFixture.settings(yaml));
            try {
                String small = Webhooks.firing("DiskFull", "warning", "fp-budget");
                try (Socket slow = new Socket("127.0.0.1", agent.baseUrl().getPort())) {
                    OutputStream out = slow.getOutputStream();
                    // declares the largest body, sends a little of it and stalls: its bytes stay reserved meanwhile
                    out.write(("POST /api/v1/alertmanager/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer hook-token\r\n"
                            + "Content-Type: application/json\r\nContent-Length: 8589934592\r\n\r\n{\"version\":\"4\",")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    await().atMost(Duration.ofSeconds(20)).until(() -> hook(agent, small).code() == 503);
                    Webhooks.Answer refused = hook(agent, small);
                    assertThat(refused.code()).isEqualTo(503);
                    assertThat(refused.json().path("error").asText()).contains("overloaded");
                }
                // the stalled client went away: its reservation is returned and webhooks are accepted again
                await().atMost(Duration.ofSeconds(20)).until(() -> hook(agent, small).code() == 200);
            } finally {
                agent.close();
            }
        }
    }

    private static Webhooks.Answer hook(Agent agent, String body) throws Exception {
        return Webhooks.post(agent.baseUrl(), "/api/v1/alertmanager/webhook", "hook-token", body);
    }
}
