package io.opsdeck.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Validates rules/alertmanager/alertmanager.yml and its routing tree with the real amtool. */
class AlertmanagerRoutingTest {

    static Stream<Arguments> routes() throws IOException {
        try (var in = AlertmanagerRoutingTest.class.getResourceAsStream("/alertmanager-routes.csv")) {
            assertThat(in).as("alertmanager-routes.csv on the test class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split(";", -1))
                    .map(c -> Arguments.of(c[0].strip(), c[1].strip(), c[2].strip()))
                    .toList().stream();
        }
    }

    @Test
    void amtoolAcceptsTheConfiguration() {
        Tools.Result result = Tools.run(List.of(Tools.amtool().toString(), "check-config",
                Tools.ALERTMANAGER_CONFIG.toString()));
        assertThat(result.exitCode()).as("amtool check-config said:%n%s", result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS").contains("6 receivers").contains("2 inhibit rules");
    }

    @Test
    void theRoutingTableCoversAtLeastTwelveLabelSets() throws IOException {
        assertThat(routes().count()).isGreaterThanOrEqualTo(12);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("routes")
    void labelSetReachesTheExpectedReceivers(String name, String receivers, String labels) {
        List<String> command = new ArrayList<>(List.of(Tools.amtool().toString(), "config", "routes", "test",
                "--config.file=" + Tools.ALERTMANAGER_CONFIG, "--verify.receivers=" + receivers));
        command.addAll(Arrays.asList(labels.split("\\s+")));
        Tools.Result result = Tools.run(command);
        assertThat(result.exitCode()).as("%s: amtool said:%n%s", name, result.output()).isZero();
        assertThat(result.output().lines().filter(l -> !l.startsWith("Warning")).findFirst().orElse(""))
                .isEqualTo(receivers);
    }

    @Test
    void severityRoutesCarryThePagingAndTicketTimings() {
        JsonNode routes = RuleSet.read(Tools.ALERTMANAGER_CONFIG).path("route").path("routes");
        assertThat(timing(routes, "severity=\"critical\"")).isEqualTo("10s/1h");
        assertThat(timing(routes, "severity=\"warning\"")).isEqualTo("5m/12h");
        assertThat(timing(routes, "alertname=\"Watchdog\"")).isEqualTo("0s/1m");
    }

    /** group_wait/repeat_interval of the child route whose only matcher is {@code matcher}. */
    private static String timing(JsonNode routes, String matcher) {
        for (JsonNode route : routes) {
            JsonNode matchers = route.path("matchers");
            if (matchers.size() == 1 && matchers.get(0).asText().equals(matcher)) {
                return route.path("group_wait").asText() + "/" + route.path("repeat_interval").asText();
            }
        }
        return "no route for " + matcher;
    }

    @Test
    void aWrongExpectationMakesAmtoolFailSoTheTableCanFail() {
        Tools.Result result = Tools.run(List.of(Tools.amtool().toString(), "config", "routes", "test",
                "--config.file=" + Tools.ALERTMANAGER_CONFIG, "--verify.receivers=deadman",
                "alertname=PostgresDown", "severity=critical", "team=dba"));
        assertThat(result.exitCode()).isNotZero();
    }
}
