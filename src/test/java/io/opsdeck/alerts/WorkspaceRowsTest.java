package io.opsdeck.alerts;

import static io.opsdeck.alerts.Fixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.alertmanager.Matcher;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkspaceRowsTest {

    @Test
    void statesAreKeptApartAckSilenceInhibitionAndResolved() {
        Fixture f = new Fixture();
        String firing = f.alert("eu", "alertname", "NodeDown", "instance", "web-1");
        f.silence("eu", "ack-1", "ACK! on it (via OpsDeck)", NOW.minusSeconds(60), NOW.plusSeconds(90),
                Matcher.equal("alertname", "HighLoad"));
        f.silence("eu", "mute-1", "maintenance", NOW.minusSeconds(60), NOW.plus(Duration.ofHours(2)),
                Matcher.equal("alertname", "DiskFull"));
        String acked = f.add("eu", Fixture.labels("alertname", "HighLoad", "instance", "web-1"), Map.of(),
                Duration.ofMinutes(3), List.of("ack-1"), List.of(), List.of());
        String silenced = f.add("eu", Fixture.labels("alertname", "DiskFull", "instance", "web-1"), Map.of(),
                Duration.ofMinutes(3), List.of("mute-1"), List.of(firing), List.of());
        String inhibited = f.add("eu", Fixture.labels("alertname", "DiskFull", "instance", "web-2"), Map.of(),
                Duration.ofMinutes(3), List.of(), List.of(firing, "unknownfp"), List.of());
        f.resolved("eu", Duration.ofMinutes(10), "alertname", "OldThing", "instance", "web-9");
        f.resolved("eu", Duration.ofMinutes(10), "alertname", "NodeDown", "instance", "web-1");
        WorkspaceSnapshot snap = f.snapshot();

        assertThat(snap.row("eu/" + firing)).hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(RowState.FIRING));
        AlertRow ack = snap.row("eu/" + acked).orElseThrow();
        assertThat(ack.state()).isEqualTo(RowState.ACKNOWLEDGED);
        assertThat(ack.silencedBy()).isEmpty();
        assertThat(ack.acknowledgement()).hasValueSatisfying(a -> {
            assertThat(a.silenceId()).isEqualTo("ack-1");
            assertThat(a.by()).isEqualTo("ana");
            assertThat(a.since()).isEqualTo(NOW.minusSeconds(60));
            assertThat(a.timeLeft()).isEqualTo(Duration.ofSeconds(90));
            assertThat(a.expiringSoon()).isTrue();
        });
        AlertRow mute = snap.row("eu/" + silenced).orElseThrow();
        assertThat(mute.state()).isEqualTo(RowState.SILENCED);
        assertThat(mute.silencedBy()).containsExactly(new SilenceRef("mute-1", NOW.plus(Duration.ofHours(2)), "ana",
                "maintenance"));
        assertThat(mute.inhibited()).as("also inhibited, shown as silenced").isTrue();
        AlertRow inh = snap.row("eu/" + inhibited).orElseThrow();
        assertThat(inh.state()).isEqualTo(RowState.INHIBITED);
        assertThat(inh.inhibitedBy()).containsExactly(new InhibitorRef(firing, "NodeDown"), new InhibitorRef("unknownfp", ""));
        assertThat(snap.rows()).filteredOn(AlertRow::resolved).extracting(AlertRow::alertname)
                .as("a resolved alert that fires again shows once, as firing").containsExactly("OldThing");
    }

    @Test
    void resolvedRowsOfNoKnownClusterKeepTheirOwnClusterAndHideWhileTheirAlertFiresAnywhere() {
        Fixture f = new Fixture();
        f.alert("eu", "alertname", "NodeDown", "instance", "web-1");
        f.alert("us", "alertname", "Other", "instance", "db-1");
        f.resolved(ResolvedAlert.UNKNOWN_CLUSTER, Duration.ofMinutes(10), "alertname", "OldThing", "instance", "web-9",
                "severity", "critical");
        f.resolved(ResolvedAlert.UNKNOWN_CLUSTER, Duration.ofMinutes(10), "alertname", "NodeDown", "instance", "web-1");
        f.resolved("us", Duration.ofMinutes(10), "alertname", "Gone", "instance", "db-2");
        WorkspaceSnapshot snap = f.snapshot();

        assertThat(snap.rows()).filteredOn(AlertRow::resolved)
                .extracting(AlertRow::alertname, AlertRow::cluster, AlertRow::severity)
                .as("not filed under the first cluster; the one firing again in eu shows once, as firing")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("OldThing", "agent", Severity.CRITICAL),
                        org.assertj.core.groups.Tuple.tuple("Gone", "us", Severity.OTHER));
        assertThat(snap.currentRows("eu")).extracting(AlertRow::alertname).containsExactly("NodeDown");
        assertThat(snap.clusters()).containsExactly("eu", "us", "agent");
        assertThat(snap.view(Filter.parse("cluster=agent"), Grouping.DEFAULT).matched()).isEqualTo(1);
    }

    @Test
    void aRowIsStaleWhenItsSourceLastAnsweredMoreThanTwoIntervalsAgo() {
        Fixture f = new Fixture();
        f.source("eu", NOW.minusSeconds(61));
        f.source("us", NOW.minusSeconds(59));
        f.alert("eu", "alertname", "A");
        f.alert("us", "alertname", "B");
        WorkspaceSnapshot snap = f.snapshot();
        assertThat(snap.rows()).filteredOn(AlertRow::stale).extracting(AlertRow::alertname).containsExactly("A");
        Filter stale = Filter.parse("@stale");
        assertThat(snap.view(stale, Grouping.DEFAULT).matched()).isEqualTo(1);
    }

    @Test
    void groupsCountSeveritiesAndStatesAndSortWorstFirst() {
        Fixture f = new Fixture();
        f.alert("eu", Duration.ofMinutes(50), "alertname", "DiskFull", "instance", "db-1", "severity", "warning");
        f.alert("eu", Duration.ofMinutes(1), "alertname", "Info", "instance", "db-1", "severity", "info");
        f.alert("eu", Duration.ofMinutes(20), "alertname", "HostDown", "instance", "web-1", "severity", "critical");
        f.alert("us", Duration.ofMinutes(30), "alertname", "HostDown", "instance", "web-2", "severity", "warning");
        f.alert("us", Duration.ofMinutes(2), "alertname", "Odd", "instance", "web-2");
        f.add("us", Fixture.labels("alertname", "HostDown", "instance", "web-3", "severity", "critical"), Map.of(),
                Duration.ofMinutes(40), List.of(), List.of("x"), List.of());
        WorkspaceSnapshot snap = f.snapshot();

        AlertView bySeverity = snap.view(Filter.ALL, Grouping.DEFAULT);
        assertThat(bySeverity.groups()).extracting(g -> g.key().display())
                .containsExactly("alertname=\"HostDown\"", "alertname=\"DiskFull\"", "alertname=\"Info\"",
                        "alertname=\"Odd\"");
        RowGroup hostDown = bySeverity.groups().get(0);
        assertThat(hostDown.count(Severity.CRITICAL)).isEqualTo(2);
        assertThat(hostDown.count(Severity.WARNING)).isEqualTo(1);
        assertThat(hostDown.count(RowState.FIRING)).isEqualTo(2);
        assertThat(hostDown.count(RowState.INHIBITED)).isEqualTo(1);
        assertThat(hostDown.rows()).extracting(r -> r.label("instance"))
                .as("worst severity, then newest first").containsExactly("web-1", "web-3", "web-2");

        assertThat(snap.view(Filter.ALL, Grouping.DEFAULT.sortedBy(Grouping.Sort.START_TIME)).groups())
                .extracting(g -> g.key().values().get(0)).containsExactly("Info", "Odd", "HostDown", "DiskFull");
        assertThat(snap.view(Filter.ALL, Grouping.byLabels("instance").sortedByLabel("instance")).groups())
                .extracting(g -> g.key().values().get(0)).containsExactly("db-1", "web-1", "web-2", "web-3");
        assertThat(snap.view(Filter.ALL, Grouping.byLabels("cluster", "instance")).groups())
                .extracting(g -> g.key().display()).first().isEqualTo("cluster=\"eu\", instance=\"web-1\"");
        assertThat(snap.view(Filter.parse("@cluster=us"), Grouping.byLabels("team")).groups()).singleElement()
                .satisfies(g -> {
                    assertThat(g.key().values()).containsExactly("");
                    assertThat(g.size()).isEqualTo(3);
                });
        assertThat(snap.view(Filter.ALL, Grouping.byLabels()).groups()).singleElement()
                .satisfies(g -> assertThat(g.key().display()).isEqualTo("(all)"));
    }

    @Test
    void groupKeysStayEqualAcrossRefreshesSoTheUiKeepsCollapseState() {
        Fixture first = new Fixture();
        first.alert("eu", "alertname", "HostDown", "instance", "web-1");
        Fixture second = new Fixture();
        second.alert("eu", "alertname", "HostDown", "instance", "web-2");
        second.alert("eu", "alertname", "Other");
        GroupKey before = first.snapshot().view(Filter.ALL, Grouping.DEFAULT).groups().get(0).key();
        AlertView after = second.snapshot().view(Filter.ALL, Grouping.DEFAULT);
        assertThat(after.group(before)).hasValueSatisfying(g -> assertThat(g.rows()).hasSize(1));
    }

    @Test
    void severitySpellingsMapToTheSortOrder() {
        assertThat(List.of(Severity.of("crit"), Severity.of("Warning"), Severity.of("info"), Severity.of("p1"),
                Severity.of(null))).containsExactly(Severity.CRITICAL, Severity.WARNING, Severity.INFO, Severity.OTHER,
                Severity.OTHER);
    }

    @Test
    void rememberedFilterPrefixesGiveTheSameRowsAsAFreshSnapshot() {
        Fixture f = new Fixture();
        for (int i = 0; i < 40; i++) {
            f.alert("eu", Duration.ofMinutes(i), "alertname", i % 3 == 0 ? "HostDown" : "DiskFull", "instance",
                    "web-" + (i % 7), "severity", i % 2 == 0 ? "critical" : "warning");
        }
        WorkspaceSnapshot reused = f.snapshot();
        List<String> typed = List.of("severity=critical", "severity=critical instance=~web-[12]",
                "severity=critical instance=~web-[12] @age>10m", "severity=critical", "severity=critical disk",
                "instance=~web-[12]", "severity=critical instance=~web-[12] host", "");
        for (String text : typed) {
            Filter filter = Filter.parse(text);
            AlertView cached = reused.view(filter, Grouping.DEFAULT);
            AlertView fresh = f.snapshot().view(filter, Grouping.DEFAULT);
            assertThat(cached.groups()).as(text).isEqualTo(fresh.groups());
            long expected = reused.rows().stream().filter(r -> filter.test(r, reused.takenAt())).count();
            assertThat(cached.matched()).as(text).isEqualTo((int) expected);
            assertThat(reused.view(filter, Grouping.byLabels("instance")).matched()).as(text).isEqualTo((int) expected);
        }
    }
}
