package io.opsdeck.cli;

import static io.opsdeck.alertmanager.TestAlerts.unique;
import static io.opsdeck.cli.CommandRun.args;
import static io.opsdeck.cli.CommandRun.opsdeck;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsdeck.alertmanager.Matcher;
import io.opsdeck.alertmanager.SilenceSpec;
import io.opsdeck.alertmanager.TestAlerts;
import io.opsdeck.teststack.AlertmanagerPair;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code opsdeck silences} end to end against a real Alertmanager HA pair. */
class SilencesCommandTest {

    @RegisterExtension
    static final AlertmanagerPair PAIR = new AlertmanagerPair();

    @Test
    void silencesAreListedOnceAcrossPeersAndExpiredOnesOnRequest() {
        String run = unique();
        String id = PAIR.peer(0).createOrUpdateSilence(SilenceSpec.of(List.of(Matcher.equal("test", run),
                Matcher.regex("severity", "crit|warn")), Duration.ofHours(2), "ana", "db maintenance"));
        String gone = PAIR.peer(0).createOrUpdateSilence(TestAlerts.silence(Matcher.equal("test", run)));
        PAIR.peer(0).expireSilence(gone);
        String[] base = {"--url", PAIR.url(0), "--url", PAIR.url(1), "--cluster", "eu", "test=" + run};

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            CommandRun r = opsdeck(args(base, "silences"));
            assertThat(r.exit()).isZero();
            assertThat(r.lines().getFirst()).startsWith("ID").contains("MATCHERS", "UNTIL", "CREATED BY", "COMMENT", "STATE");
            assertThat(r.lines()).filteredOn(l -> l.startsWith(id)).singleElement().satisfies(l -> assertThat(l)
                    .contains("test=\"" + run + "\" severity=~\"crit|warn\"", "(in 1h", "ana", "db maintenance", "active", "eu"));
            assertThat(r.out()).doesNotContain(gone).contains("1 silence");
        });
        CommandRun expired = opsdeck(args(base, "silences", "--expired"));
        assertThat(expired.out()).contains(gone, "expired").doesNotContain(id);
    }

    @Test
    void silenceCommentsAreSanitizedAndJsonKeepsMatcherFields() throws Exception {
        String run = unique();
        String id = PAIR.peer(0).createOrUpdateSilence(SilenceSpec.of(List.of(Matcher.equal("test", run)), Duration.ofHours(1),
                "mallory\u001b[8m", "hidden\nsecond line"));

        CommandRun table = opsdeck("silences", "--url", PAIR.url(0), "test=" + run);
        assertThat(table.out()).doesNotContain("\u001b");
        assertThat(table.lines()).filteredOn(l -> l.startsWith(id)).singleElement()
                .satisfies(l -> assertThat(l).contains("mallory[8m", "hidden second line"));

        JsonNode json = new ObjectMapper().readTree(opsdeck("silences", "-o", "json", "--url", PAIR.url(0), "test=" + run).out());
        JsonNode matcher = json.path("silences").get(0).path("silence").path("matchers").get(0);
        assertThat(matcher.path("name").asText()).isEqualTo("test");
        assertThat(matcher.path("isRegex").isBoolean()).isTrue();
        assertThat(matcher.path("isEqual").asBoolean()).isTrue();
    }
}
