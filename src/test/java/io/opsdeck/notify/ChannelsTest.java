package io.opsdeck.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.opsdeck.teststack.LocalReceiver;
import io.opsdeck.util.Secret;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ChannelsTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("opsdeck", "s3cret-pw"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OkHttpClient http = new OkHttpClient();
    private final LocalReceiver receiver = new LocalReceiver();
    private final Templates templates = Templates.load(null, new Redactor(List.of(), List.of()));
    private final Alert alert = Alerts.alert("firing", Map.of("alertname", "HighCpu", "severity", "critical", "instance", "web-1"),
            Map.of("summary", "CPU <hot>", "runbook_url", "https://runbooks.example/cpu", "dashboard_url", "https://grafana.example/d/1"));

    @AfterEach
    void stop() {
        receiver.close();
    }

    private Delivery delivery(String channel, String address) {
        return new Delivery("key-123", address, "alert", alert, alert.severity(), templates.render(channel, Message.of(alert)));
    }

    @Test
    void emailArrivesAsMultipartTextAndHtmlWithMessageIdFromTheKey() throws Exception {
        var settings = new ChannelSettings.EmailSettings("127.0.0.1", SMTP.getSmtp().getPort(), "none", "opsdeck",
                Secret.of("s3cret-pw"), "opsdeck@example.com", null);
        new EmailChannel("mail", settings, Duration.ofSeconds(5)).send(delivery("email", "alice@example.com"));
        MimeMessage[] mails = SMTP.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).isEqualTo("[OpsDeck] FIRING CRITICAL HighCpu");
        assertThat(mails[0].getMessageID()).isEqualTo("<key-123@opsdeck>");
        MimeMultipart parts = (MimeMultipart) mails[0].getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat((String) parts.getBodyPart(1).getContent()).contains("CPU &lt;hot&gt;");
    }

    @Test
    void wrongSmtpPasswordIsAReasonNotACrash() {
        var settings = new ChannelSettings.EmailSettings("127.0.0.1", SMTP.getSmtp().getPort(), "none", "opsdeck",
                Secret.of("wrong"), "opsdeck@example.com", null);
        assertThatThrownBy(() -> new EmailChannel("mail", settings, Duration.ofSeconds(5)).send(delivery("email", "a@example.com")))
                .isInstanceOf(DeliveryException.class).hasMessageContaining("channel mail").hasMessageNotContaining("wrong");
    }

    @Test
    void slackGetsBlockKitColouredBySeverityWithLinksAndTheIdempotencyKey() throws Exception {
        Secret url = Secret.of(receiver.url("/services/T0/B0/SECRET").toString());
        new SlackChannel("slack", new ChannelSettings.SlackSettings(url), http).send(delivery("slack", "team"));
        var got = receiver.received().get(0);
        assertThat(got.header("Idempotency-Key")).isEqualTo("key-123");
        JsonNode body = JSON.readTree(got.body());
        JsonNode attachment = body.path("attachments").get(0);
        assertThat(attachment.path("color").asText()).isEqualTo(Severity.CRITICAL.color());
        assertThat(attachment.path("blocks").get(1).path("text").path("type").asText()).isEqualTo("mrkdwn");
        assertThat(attachment.path("blocks").get(1).path("text").path("text").asText()).contains("CPU &lt;hot&gt;");
        assertThat(attachment.path("blocks").get(2).path("elements").findValuesAsText("url"))
                .contains("https://runbooks.example/cpu", "https://grafana.example/d/1").anyMatch(u -> u.contains("/#/silences/new?filter="));
    }

    @Test
    void webhookIsSignedWithHmacAndCarriesCustomHeaders() throws Exception {
        Secret key = Secret.of("hmac-key");
        var settings = new ChannelSettings.WebhookSettings(Secret.of(receiver.url("/hook").toString()),
                Map.of("X-Team", Secret.of("web")), key);
        new WebhookChannel("hook", settings, http).send(delivery("webhook", "team"));
        var got = receiver.received().get(0);
        assertThat(got.header("X-Team")).isEqualTo("web");
        assertThat(got.header("Idempotency-Key")).isEqualTo("key-123");
        assertThat(got.header(WebhookChannel.SIGNATURE_HEADER))
                .isEqualTo("sha256=" + WebhookChannel.sign(key, got.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(JSON.readTree(got.body()).path("fingerprint").asText()).isEqualTo(alert.fingerprint());
    }

    @Test
    void pagerDutyTriggersAndResolvesWithOneDedupKey() throws Exception {
        var pd = new PagerDutyChannel("pd", new ChannelSettings.PagerDutySettings(receiver.url("/v2/enqueue").toString(),
                Secret.of("routing-key-1"), null), http);
        pd.send(delivery("pagerduty", "team"));
        Alert resolved = new Alert(alert.fingerprint(), "resolved", alert.labels(), alert.annotations(), alert.startsAt(), null,
                null, null, null);
        pd.send(new Delivery("key-456", "team", "alert", resolved, resolved.severity(), templates.render("pagerduty", Message.of(resolved))));
        JsonNode trigger = JSON.readTree(receiver.received().get(0).body());
        JsonNode resolve = JSON.readTree(receiver.received().get(1).body());
        assertThat(trigger.path("event_action").asText()).isEqualTo("trigger");
        assertThat(trigger.path("payload").path("severity").asText()).isEqualTo("critical");
        assertThat(trigger.path("routing_key").asText()).isEqualTo("routing-key-1");
        assertThat(resolve.path("event_action").asText()).isEqualTo("resolve");
        assertThat(resolve.path("dedup_key").asText()).isEqualTo(trigger.path("dedup_key").asText()).isEqualTo("opsdeck-" + alert.fingerprint());
    }

    @Test
    void serverErrorIsRetryableAndClientErrorIsPermanentAndTheUrlStaysSecret() {
        Secret url = Secret.of(receiver.url("/services/T0/B0/SECRET").toString());
        SlackChannel slack = new SlackChannel("slack", new ChannelSettings.SlackSettings(url), http);
        receiver.failNext(1, 500);
        assertThatThrownBy(() -> slack.send(delivery("slack", "team"))).isInstanceOfSatisfying(DeliveryException.class, e -> {
            assertThat(e.permanent()).isFalse();
            assertThat(e.getMessage()).contains("HTTP 500").doesNotContain("SECRET");
        });
        receiver.failNext(1, 404);
        assertThatThrownBy(() -> slack.send(delivery("slack", "team")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isTrue());
    }

    @Test
    void hangingReceiverTimesOutAsARetryableFailure() {
        receiver.hang(true);
        OkHttpClient quick = http.newBuilder().callTimeout(Duration.ofMillis(500)).build();
        var hook = new WebhookChannel("hook", new ChannelSettings.WebhookSettings(Secret.of(receiver.url("/hook").toString()), null, null), quick);
        assertThatThrownBy(() -> hook.send(delivery("webhook", "team"))).isInstanceOfSatisfying(DeliveryException.class, e -> {
            assertThat(e.permanent()).isFalse();
            assertThat(e.getMessage()).contains("did not answer in time");
        });
    }

    @Test
    void channelTimeoutBoundsAHangingReceiverWithoutPerReadTimeouts() {
        receiver.hang(true);
        String url = receiver.url("/hook?token=hook-s3cret").toString();
        var settings = new ChannelSettings("hook", "webhook", null, Duration.ofMillis(500), null, null,
                new ChannelSettings.WebhookSettings(Secret.of(url), null, null), null);
        Channel hook = Channels.create(List.of(settings), http).get("hook");
        long start = System.nanoTime();
        assertThatThrownBy(() -> hook.send(delivery("webhook", "team"))).isInstanceOfSatisfying(DeliveryException.class, e -> {
            assertThat(e.permanent()).isFalse();
            assertThat(e.getMessage()).contains("did not answer in time").doesNotContain("hook-s3cret");
        });
        // the receiver hangs for 60 s: only the channel's own 500 ms call timeout can have ended the attempt
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }
}
