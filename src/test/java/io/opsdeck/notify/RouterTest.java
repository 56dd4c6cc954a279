package io.opsdeck.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {

    private static final ChannelSettings MAIL = new ChannelSettings("mail", "email", null, null,
            new ChannelSettings.EmailSettings("127.0.0.1", 25, "none", null, null, "opsdeck@example.com", null), null, null, null);
    private static final ChannelSettings DESK = new ChannelSettings("desk", "desktop", null, null, null, null, null, null);
    private static final RecipientSettings ALICE = new RecipientSettings("alice", "alice@example.com", List.of("mail"), "info",
            new RecipientSettings.QuietHours("22:00", "07:00", "Europe/Berlin", true));
    private static final RecipientSettings BOB = new RecipientSettings("bob", "bob@example.com", List.of("mail"), "critical",
            new RecipientSettings.QuietHours("22:00", "07:00", "Europe/Berlin", false));

    private static Router router(RouteSettings... routes) {
        return new Router(List.of(routes), List.of(MAIL, DESK), List.of(ALICE, BOB));
    }

    private static RouteSettings route(String name, List<String> matchers, List<String> channels, List<String> recipients, boolean cont) {
        return new RouteSettings(name, matchers, channels, recipients, cont, null, null);
    }

    @Test
    void matchersSupportAllFourOperators() {
        Map<String, String> labels = Map.of("severity", "critical", "team", "web", "instance", "web-1");
        assertThat(LabelMatcher.parse("severity=\"critical\"").matches(labels)).isTrue();
        assertThat(LabelMatcher.parse("team!=db").matches(labels)).isTrue();
        assertThat(LabelMatcher.parse("instance=~\"web-.*\"").matches(labels)).isTrue();
        assertThat(LabelMatcher.parse("instance=~web").matches(labels)).as("regexes are anchored").isFalse();
        assertThat(LabelMatcher.parse("job!~\"node|app\"").matches(labels)).isTrue();
        assertThatThrownBy(() -> LabelMatcher.parse("instance=~\"(\"")).hasMessageContaining("bad regex");
    }

    @Test
    void firstMatchingRouteWinsUnlessItSaysContinue() {
        Alert alert = Alerts.firing("HighCpu", "critical");
        Instant noon = Instant.parse("2026-01-01T11:00:00Z");
        Router stop = router(route("crit", List.of("severity=critical"), List.of("desk"), List.of(), false),
                route("all", List.of(), List.of(), List.of("alice"), false));
        assertThat(stop.route(alert, noon)).extracting(Router.Target::channel).containsExactly("desk");
        Router cont = router(route("crit", List.of("severity=critical"), List.of("desk"), List.of(), true),
                route("all", List.of(), List.of(), List.of("alice"), false));
        assertThat(cont.route(alert, noon)).extracting(Router.Target::recipient).containsExactly("team", "alice");
        assertThat(cont.route(alert, noon).get(1).address()).isEqualTo("alice@example.com");
    }

    @Test
    void routesCanMatchTheReceiverGivenByAlertmanagerOrTheQuery() {
        Router r = router(route("night", List.of("__receiver__=night-shift"), List.of("desk"), List.of(), false),
                route("all", List.of(), List.of(), List.of("alice"), false));
        Alert base = Alerts.firing("HighCpu", "warning");
        Alert night = new Alert(base.fingerprint(), "firing", base.labels(), base.annotations(), base.startsAt(), null, null, null,
                "night-shift");
        Instant noon = Instant.parse("2026-01-01T11:00:00Z");
        assertThat(r.route(night, noon)).extracting(Router.Target::channel).containsExactly("desk");
        assertThat(r.route(base, noon)).extracting(Router.Target::recipient).containsExactly("alice");
    }

    @Test
    void recipientsSeverityFilterDropsLowerSeverities() {
        Router r = router(route("all", List.of(), List.of(), List.of("alice", "bob"), false));
        Instant noon = Instant.parse("2026-01-01T11:00:00Z");
        assertThat(r.route(Alerts.firing("DiskFilling", "warning"), noon)).extracting(Router.Target::recipient).containsExactly("alice");
        assertThat(r.route(Alerts.firing("Down", "critical"), noon)).extracting(Router.Target::recipient).containsExactly("alice", "bob");
    }

    @Test
    void quietHoursInTheRecipientsZoneDelayUntilTheyEndButCriticalsMayBypass() {
        Router r = router(route("all", List.of(), List.of(), List.of("alice", "bob"), false));
        Instant berlinMidnight = Instant.parse("2026-01-01T23:30:00Z"); // 00:30 in Berlin (UTC+1)
        Instant sevenBerlin = Instant.parse("2026-01-02T06:00:00Z");
        var warning = r.route(Alerts.firing("DiskFilling", "warning"), berlinMidnight);
        assertThat(warning.get(0).notBefore()).isEqualTo(sevenBerlin);
        var critical = r.route(Alerts.firing("Down", "critical"), berlinMidnight);
        assertThat(critical).filteredOn(t -> t.recipient().equals("alice")).first()
                .extracting(Router.Target::notBefore).isEqualTo(berlinMidnight);
        assertThat(critical).filteredOn(t -> t.recipient().equals("bob")).first()
                .extracting(Router.Target::notBefore).as("bob switched the bypass off").isEqualTo(sevenBerlin);
    }

    @Test
    void unknownNamesAreReportedWithTheRoute() {
        assertThatThrownBy(() -> router(route("pager", List.of(), List.of("sms"), List.of(), false)))
                .hasMessageContaining("route 'pager'").hasMessageContaining("unknown channel 'sms'");
        assertThatThrownBy(() -> router(route("pager", List.of("severity=~\"[\""), List.of(), List.of(), false)))
                .hasMessageContaining("route 'pager'").hasMessageContaining("bad regex");
    }
}
