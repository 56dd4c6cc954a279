package io.opsdeck.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsdeck.util.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesTest {

    @TempDir
    Path dir;

    private static final String EMAIL_PATTERN = "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}";

    private final Alert hostile = Alerts.alert("firing",
            Map.of("alertname", "Leak", "severity", "critical", "instance", "<script>alert(1)</script>",
                    "owner", "jane.doe@example.com", "note", "token ghp_abcdefghijklmnopqrstuvwxyz0123456789 & <b>"),
            Map.of("summary", "Authorization: Bearer abcdef0123456789abcdef", "runbook_url", "javascript:alert(1)"));

    @Test
    void htmlEmailEscapesLabelsAndDropsNonHttpLinks() {
        Templates t = Templates.load(null, new Redactor(List.of(), List.of()));
        Rendered r = t.render("email", Message.of(hostile));
        assertThat(r.html()).doesNotContain("<script>").contains("&lt;script&gt;").doesNotContain("javascript:");
        assertThat(r.text()).contains("<script>");
        assertThat(r.subject()).isEqualTo("[OpsDeck] FIRING CRITICAL Leak");
    }

    @Test
    void aResolvedDesktopNotificationDoesNotReadLikeTheProblem() {
        Templates t = Templates.load(null, new Redactor(List.of(), List.of()));
        Map<String, String> labels = Map.of("alertname", "HostDown", "severity", "critical", "instance", "web-4");
        Map<String, String> annotations = Map.of("summary", "Host web-4 is down");
        Rendered firing = t.render("desktop", Message.of(Alerts.alert("firing", labels, annotations)));
        Rendered resolved = t.render("desktop", Message.of(Alerts.alert("resolved", labels, annotations)));
        assertThat(firing.text().strip()).isEqualTo("Host web-4 is down");
        assertThat(resolved.subject()).isEqualTo("CRITICAL HostDown resolved");
        assertThat(resolved.text().strip()).as("the demo showed 'Host web-4 is down' under 'HostDown resolved'")
                .isEqualTo("Resolved (was: Host web-4 is down)");
    }

    @Test
    void slackTextEscapesControlCharacters() {
        Templates t = Templates.load(null, new Redactor(List.of(), List.of()));
        Rendered r = t.render("slack", Message.of(hostile));
        assertThat(r.text()).contains("&lt;script&gt;").contains("&amp; &lt;b&gt;").doesNotContain("<script>");
    }

    @Test
    void tokensSecretsAndPersonalDataAreRedactedFromEveryChannel() {
        Secret webhook = Secret.of("https://hooks.slack.example/T000/B000/XXXXSECRET");
        Alert leaky = Alerts.alert("firing", Map.of("alertname", "Leak", "url", webhook.reveal()), Map.of());
        Templates t = Templates.load(null, new Redactor(List.of(EMAIL_PATTERN), List.of(webhook)));
        for (String channel : List.of("email", "slack", "webhook", "pagerduty", "desktop")) {
            Rendered r = t.render(channel, new Message("digest", List.of(hostile, leaky), 0, null));
            String all = r.subject() + r.text() + r.html();
            assertThat(all).as(channel).doesNotContain("ghp_abcdefghij").doesNotContain("jane.doe@example.com")
                    .doesNotContain("abcdef0123456789abcdef").doesNotContain("XXXXSECRET");
        }
        Rendered mail = t.render("email", Message.of(hostile));
        assertThat(mail.text()).contains(Redactor.MARK);
    }

    @Test
    void brokenUserTemplateFailsAtLoadNamingTheFileAndLine() throws Exception {
        Files.writeString(dir.resolve("email.html"), "<p>ok</p>\n<p>{{ alert.alertname ) }}</p>\n<p>end</p>\n");
        assertThatThrownBy(() -> Templates.load(dir, new Redactor(List.of(), List.of())))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("email.html").hasMessageContaining("line 2");
        assertThat(Templates.validate(dir)).singleElement().asString().contains("email.html");
    }

    @Test
    void unknownFilterIsFoundAtLoadTimeByASampleRender() throws Exception {
        Files.writeString(dir.resolve("slack.slack"), "ok\n{{ alert.alertname | nosuchfilter }}\n");
        assertThatThrownBy(() -> Templates.load(dir, new Redactor(List.of(), List.of())))
                .hasMessageContaining("slack.slack").hasMessageContaining("line 2").hasMessageContaining("nosuchfilter");
    }

    @Test
    void userTemplatesOverrideDefaults() throws Exception {
        Files.writeString(dir.resolve("desktop-title.txt"), "custom {{ alert.alertname }}");
        Templates t = Templates.load(dir, new Redactor(List.of(), List.of()));
        assertThat(t.render("desktop", Message.of(Alerts.firing("HighCpu", "warning"))).subject()).isEqualTo("custom HighCpu");
        assertThat(Templates.validate(dir)).isEmpty();
    }

    @Test
    void secretsNeverShowInToString() {
        Secret s = Secret.of("hunter2");
        assertThat(s.toString()).doesNotContain("hunter2");
        var settings = new ChannelSettings.SlackSettings(Secret.of("https://hooks.slack.example/T/B/SECRET"));
        assertThat(settings.toString()).doesNotContain("SECRET");
    }
}
