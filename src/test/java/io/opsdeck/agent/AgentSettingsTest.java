package io.opsdeck.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentSettingsTest {

    @TempDir
    Path dir;

    @Test
    void theFullExampleInTheDocsBinds() throws Exception {
        Matcher m = Pattern.compile("```yaml\n(agent:.*?)```", Pattern.DOTALL).matcher(Files.readString(Path.of("docs/agent.md")));
        assertThat(m.find()).as("docs/agent.md has a full agent: example").isTrue();
        Path file = dir.resolve("opsdeck.yaml");
        Files.writeString(file, m.group(1));
        AgentSettings s = AgentSettings.load(file);
        assertThat(s.channels()).extracting(c -> c.type()).contains("email", "slack", "webhook", "pagerduty", "desktop");
        assertThat(s.noise().digestInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(Agent.validate(s)).isEmpty();
        assertThat(s.toString()).doesNotContain("hunter2").doesNotContain("T000/B000");
    }

    @Test
    void relativePathsAreAgainstTheConfigurationFilesFolderNotTheWorkingDirectory() throws Exception {
        Path file = Files.createDirectories(dir.resolve("etc/opsdeck")).resolve("opsdeck.yaml");
        Files.writeString(file, """
                agent:
                  database: state/agent.db
                  templates: {dir: templates}
                  remediation: {enabled: true, plans: ../plans}
                  store: {url: "jdbc:postgresql://db:5432/opsdeck", user: opsdeck, password_file: pg-password}
                """);
        AgentSettings s = AgentSettings.load(file);
        Path etc = dir.resolve("etc/opsdeck");
        assertThat(s.database()).isEqualTo(etc.resolve("state/agent.db"));
        assertThat(s.templates().dir()).isEqualTo(etc.resolve("templates"));
        assertThat(s.remediation().plans()).isEqualTo(dir.resolve("etc/plans"));
        assertThat(s.store().passwordFile()).isEqualTo(etc.resolve("pg-password"));

        Files.writeString(file, "agent:\n  database: /var/lib/opsdeck/agent.db\n  remediation: {enabled: true}\n");
        String home = System.getProperty("opsdeck.home");
        System.setProperty("opsdeck.home", dir.resolve("share/opsdeck").toString());
        try {
            AgentSettings defaults = AgentSettings.load(file);
            assertThat(defaults.database()).isEqualTo(Path.of("/var/lib/opsdeck/agent.db"));
            assertThat(defaults.remediation().plans()).as("the shipped plans, wherever the service runs")
                    .isEqualTo(dir.resolve("share/opsdeck/rules/remediation"));
        } finally {
            if (home == null) {
                System.clearProperty("opsdeck.home");
            } else {
                System.setProperty("opsdeck.home", home);
            }
        }
    }

    @Test
    void defaultsNeedNoConfiguration() {
        AgentSettings s = AgentSettings.fromYaml(null);
        assertThat(s.listen()).isEqualTo("127.0.0.1:9097");
        assertThat(s.delivery().maxAttempts()).isEqualTo(8);
        assertThat(s.retention()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void unknownKeyIsNamedWithItsLineAndColumn() throws Exception {
        Path file = dir.resolve("agent.yaml");
        Files.writeString(file, "agent:\n  listen: 127.0.0.1:9097\n  channels:\n    - name: mail\n      type: email\n      email: {host: h, from: f}\n      ratelimit: 5\n");
        assertThatThrownBy(() -> AgentSettings.load(file))
                .hasMessageContaining("agent.yaml").hasMessageContaining("unknown key 'ratelimit'").hasMessageContaining("channels[0]").hasMessageContaining("line 7");
    }

    @Test
    void badValuesSayWhatIsWrongAndWhere() throws Exception {
        Path file = dir.resolve("agent.yaml");
        Files.writeString(file, "retention: soon\n");
        assertThatThrownBy(() -> AgentSettings.load(file)).hasMessageContaining("retention").hasMessageContaining("not a duration");
        Files.writeString(file, "channels:\n  - {name: pager, type: sms}\n");
        assertThatThrownBy(() -> AgentSettings.load(file)).hasMessageContaining("channel 'pager'").hasMessageContaining("type must be one of");
        Files.writeString(file, "users:\n  - {name: eve, role: root, token: t}\n");
        assertThatThrownBy(() -> AgentSettings.load(file)).hasMessageContaining("unknown role 'root'");
    }

    @Test
    void brokenTemplateStopsTheAgentFromStartingWithFileAndLine() throws Exception {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(templates.resolve("email-subject.txt"), "{{ alert.alertname }\n");
        Path file = dir.resolve("agent.yaml");
        Files.writeString(file, "database: " + dir.resolve("a.db") + "\ntemplates: {dir: " + templates + "}\n");
        AgentSettings s = AgentSettings.load(file);
        assertThat(Agent.validate(s)).singleElement().asString().contains("email-subject.txt").contains("line 1");
        assertThatThrownBy(() -> Agent.start(s)).hasMessageContaining("email-subject.txt");
        assertThat(dir.resolve("a.db")).doesNotExist();
    }

    @Test
    void keysAreSnakeCaseAndACamelCaseKeySaysWhichKeyWasMeant() throws Exception {
        Path file = dir.resolve("agent.yaml");
        Files.writeString(file, "agent:\n  delivery: {workers: 2, max_attempts: 3, initial_backoff: 2s}\n  noise:\n    repeat_interval: 2h\n"
                + "  channels:\n    - {name: pd, type: pagerduty, rate_limit_per_minute: 5, pagerduty: {routing_key: rk, webhook_secret: s}}\n");
        AgentSettings s = AgentSettings.load(file);
        assertThat(s.delivery().maxAttempts()).isEqualTo(3);
        assertThat(s.delivery().initialBackoff()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.noise().repeatInterval()).isEqualTo(Duration.ofHours(2));
        assertThat(s.channels().get(0).rateLimitPerMinute()).isEqualTo(5);
        assertThat(s.channels().get(0).pagerduty().webhookSecret().reveal()).isEqualTo("s");

        Files.writeString(file, "agent:\n  listen: 127.0.0.1:9097\n  delivery:\n    maxAttempts: 3\n");
        assertThatThrownBy(() -> AgentSettings.load(file)).hasMessageContaining("agent.yaml")
                .hasMessageContaining("unknown key 'maxAttempts': did you mean 'max_attempts'?").hasMessageContaining("line 4");
        Files.writeString(file, "channels:\n  - {name: pd, type: pagerduty, pagerduty: {routingKey: rk}}\n");
        assertThatThrownBy(() -> AgentSettings.load(file)).hasMessageContaining("did you mean 'routing_key'?")
                .hasMessageContaining("channels[0].pagerduty");
    }

    @Test
    void checkingTheSettingsReadsTheMailChannelsCaFile() throws Exception {
        Path file = dir.resolve("agent.yaml");
        Path missing = dir.resolve("no-such-ca.pem");
        Files.writeString(file, "channels:\n  - name: mail\n    type: email\n    email: {host: smtp.example.com, from: a@example.com, "
                + "security: smtps, tls: {ca_file: " + missing + "}}\n");
        assertThat(Agent.validate(AgentSettings.load(file))).singleElement().asString()
                .contains("channel 'mail'").contains("tls.ca_file").contains(missing.toString());
    }
}
