package io.opsdeck.cli;

import static io.opsdeck.alertmanager.TestAlerts.alert;
import static io.opsdeck.alertmanager.TestAlerts.unique;
import static io.opsdeck.cli.CommandRun.args;
import static io.opsdeck.cli.CommandRun.host;
import static io.opsdeck.cli.CommandRun.opsdeck;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsdeck.alertmanager.Matcher;
import io.opsdeck.alertmanager.PostableAlert;
import io.opsdeck.alertmanager.TestAlerts;
import io.opsdeck.simulate.stack.FreePorts;
import io.opsdeck.teststack.AlertmanagerPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code opsdeck alerts} end to end against a real Alertmanager HA pair. */
class AlertsCommandTest {

    @RegisterExtension
    static final AlertmanagerPair PAIR = new AlertmanagerPair();

    @Test
    void alertsOfAnHaPairAreListedOnceInAnAlignedTable() {
        String run = unique();
        PAIR.postToBoth(alert(run, "HighLoad", "severity", "critical", "instance", "web-1"),
                alert(run, "SlowDisk", "severity", "warning", "instance", "db-1"));

        CommandRun r = opsdeck("alerts", "--url", PAIR.url(0), "--url", PAIR.url(1), "--cluster", "eu", "test=" + run);

        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.lines();
        String header = lines.getFirst();
        assertThat(header).startsWith("SEVERITY").contains("ALERTNAME", "INSTANCE", "STATE", "AGE", "SUMMARY",
                "CLUSTER/SOURCES");
        String sources = "eu (" + String.join(",", new java.util.TreeSet<>(List.of(host(PAIR.url(0)), host(PAIR.url(1))))) + ")";
        assertThat(lines.get(1)).startsWith("critical").contains("HighLoad", "web-1", "active", "HighLoad on web-1", sources);
        assertThat(lines.get(2)).startsWith("warning").contains("SlowDisk", "db-1", sources);
        assertThat(lines.get(1).indexOf("HighLoad")).isEqualTo(header.indexOf("ALERTNAME"));
        assertThat(lines.get(2).indexOf("db-1")).isEqualTo(header.indexOf("INSTANCE"));
        assertThat(lines.get(2).indexOf(sources)).isEqualTo(header.indexOf("CLUSTER/SOURCES"));
        assertThat(lines).contains("2 alerts").noneMatch(l -> l.contains("Not answering"));
    }

    @Test
    void withoutClusterEachUrlIsItsOwnCluster() {
        String run = unique();
        PAIR.postToBoth(alert(run, "Twice"));

        CommandRun r = opsdeck("alerts", "--url", PAIR.url(0), "--url", PAIR.url(1), "Twice", "test=" + run);

        assertThat(r.lines()).filteredOn(l -> l.contains("Twice")).hasSize(2)
                .anySatisfy(l -> assertThat(l).endsWith(host(PAIR.url(0))))
                .anySatisfy(l -> assertThat(l).endsWith(host(PAIR.url(1))));
    }

    @Test
    void stateSelectsActiveSuppressedOrAll() {
        String run = unique();
        PAIR.postToBoth(alert(run, "Loud"), alert(run, "Hushed"));
        PAIR.peer(0).createOrUpdateSilence(TestAlerts.silence(Matcher.equal("test", run), Matcher.equal("alertname", "Hushed")));
        String[] base = {"--url", PAIR.url(0), "--url", PAIR.url(1), "--cluster", "eu", "test=" + run};

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(opsdeck(args(base, "alerts")).out()).contains("Loud").doesNotContain("Hushed");
            assertThat(opsdeck(args(base, "alerts", "--state", "suppressed")).lines())
                    .anySatisfy(l -> assertThat(l).contains("Hushed", "silenced")).noneMatch(l -> l.contains("Loud"));
        });
        assertThat(opsdeck(args(base, "alerts", "--state", "all")).out()).contains("Loud", "Hushed");
    }

    @Test
    void hostileLabelsCannotBreakTheTerminal() {
        String run = unique();
        PAIR.peer(0).postAlerts(List.of(PostableAlert.of(
                Map.of("alertname", "Evil", "test", run, "instance", "web-1\u001b[2J\u001b[31m\nFAKE ROW\r"),
                Map.of("summary", "line one\nline two\u0007\u202e"))));

        CommandRun r = opsdeck("alerts", "--url", PAIR.url(0), "test=" + run);

        assertThat(r.exit()).isZero();
        assertThat(r.out()).doesNotContain("\u001b").doesNotContain("\r").doesNotContain("\u0007").doesNotContain("\u202e");
        assertThat(r.lines()).filteredOn(l -> l.contains("FAKE ROW")).singleElement()
                .satisfies(l -> assertThat(l).contains("Evil", "web-1[2J[31m FAKE ROW", "line one line two"));
    }

    @Test
    void aSourceThatDoesNotAnswerIsNamedInTheFooterAndTheOthersStillShow() {
        String run = unique();
        PAIR.postToBoth(alert(run, "Survivor"));
        String dead = "http://127.0.0.1:" + FreePorts.next();

        CommandRun r = opsdeck("alerts", "--url", PAIR.url(0), "--url", dead, "test=" + run);

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Survivor", "Not answering (1 of 2 Alertmanagers):")
                .contains("  " + host(dead) + ": Alertmanager " + host(dead) + " at " + dead
                        + "/api/v2/alerts is unreachable");
    }

    @Test
    void noAnsweringSourceExitsOne() {
        CommandRun r = opsdeck("alerts", "--url", "http://127.0.0.1:" + FreePorts.next());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("no Alertmanager answered");
        assertThat(r.out()).contains("Not answering (1 of 1 Alertmanagers)");
    }

    @Test
    void withoutSourcesTheErrorSaysWhatToPass(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("opsdeck.yaml"), "prometheus: []\n");
        CommandRun r = opsdeck("alerts", "--config", config.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no Alertmanager to ask: configure one").contains("or pass --url URL");
    }

    @Test
    void configuredPeersOfOneClusterAreAskedTogether(@TempDir Path dir) throws Exception {
        String run = unique();
        PAIR.postToBoth(alert(run, "FromConfig", "severity", "warning", "instance", "web-9"));
        Path config = Files.writeString(dir.resolve("opsdeck.yaml"), """
                alertmanager:
                  - name: am-a
                    url: %s
                    cluster: eu
                  - name: am-b
                    url: %s
                    cluster: eu
                """.formatted(PAIR.url(0), PAIR.url(1)));

        CommandRun r = opsdeck("alerts", "--config", config.toString(), "test=" + run);

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.lines().get(1)).contains("FromConfig", "web-9", "eu (am-a,am-b)");
        assertThat(r.lines()).contains("1 alert");
    }

    @Test
    void aBrokenConfigurationIsNamedWithItsLine(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("opsdeck.yaml"), """
                alertmanager:
                  - name: am-a
                    urll: http://127.0.0.1:9093
                """);
        CommandRun r = opsdeck("alerts", "--config", config.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("opsdeck.yaml:3").contains("urll");
    }

    @Test
    void aUrlThatIsNotHttpIsAUsageErrorWithoutItsCredentials() {
        CommandRun r = opsdeck("alerts", "--url", "ftp://bob:hunter2@127.0.0.1/x");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--url 'ftp://127.0.0.1…' is not an http(s) URL").doesNotContain("hunter2");
    }

    @Test
    void aBadMatcherIsAUsageErrorNamingIt() {
        CommandRun r = opsdeck("alerts", "--url", PAIR.url(0), "severity=~\"crit(\"");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("bad matcher 'severity=~\"crit(\"'").contains("invalid regular expression");
    }

    @Test
    void jsonOutputCarriesMergedAlertsAndSourceHealth() throws Exception {
        String run = unique();
        PAIR.postToBoth(alert(run, "AsJson", "severity", "info"));

        CommandRun r = opsdeck("alerts", "-o", "json", "--url", PAIR.url(0), "--url", PAIR.url(1), "--cluster", "eu", "test=" + run);

        assertThat(r.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("alerts")).hasSize(1);
        JsonNode merged = json.path("alerts").get(0);
        assertThat(merged.path("cluster").asText()).isEqualTo("eu");
        assertThat(merged.path("sources")).hasSize(2);
        assertThat(merged.path("alert").path("labels").path("alertname").asText()).isEqualTo("AsJson");
        assertThat(merged.path("alert").path("status").path("state").asText()).isEqualTo("active");
        assertThat(json.path("sources")).hasSize(2).allSatisfy(s -> assertThat(s.path("healthy").asBoolean()).isTrue());
    }
}
