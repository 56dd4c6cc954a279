package io.opsdeck.alerts;

import static io.opsdeck.alerts.Fixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SilenceDraftTest {

    private static WorkspaceSnapshot snapshot(int webAlerts) {
        Fixture f = new Fixture();
        for (int i = 0; i < webAlerts; i++) {
            f.alert("eu", "alertname", "HttpErrors", "instance", "web-" + i, "job", "app", "severity", "warning",
                    "handler", "/api");
        }
        f.add("eu", Fixture.labels("alertname", "DiskFull", "instance", "db-1"), java.util.Map.of(),
                Duration.ofMinutes(1), List.of("s1"), List.of(), List.of());
        f.alert("us", "alertname", "HttpErrors", "instance", "web-0", "job", "app");
        f.resolved("eu", Duration.ofMinutes(5), "alertname", "HttpErrors", "instance", "web-old");
        return f.snapshot();
    }

    @Test
    void aDraftFromAnAlertPrefillsIdentityLabelsAndOffersTheOthers() {
        AlertRow row = snapshot(1).rows().stream().filter(r -> r.label("instance").equals("web-0")
                && r.cluster().equals("eu")).findFirst().orElseThrow();
        SilenceDraft d = SilenceDraft.forAlert(row, "ana", NOW);
        assertThat(d.matchers()).extracting(MatcherDraft::name).containsExactly("alertname", "instance", "job", "severity");
        assertThat(d.clusters()).containsExactly("eu");
        assertThat(d.endsAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(SilenceDraft.otherLabels(row)).containsExactly(MatcherDraft.equal("handler", "/api"));
        assertThat(d.withPreset(DurationPreset.ONE_WEEK, NOW).endsAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    }

    @Test
    void aDraftFromAGroupMatchesTheGroupLabelsOnTheGroupsClusters() {
        WorkspaceSnapshot snap = snapshot(3);
        RowGroup http = snap.view(Filter.parse("alertname=HttpErrors"), Grouping.DEFAULT).groups().getFirst();
        SilenceDraft d = SilenceDraft.forGroup(http, "ana", NOW);
        assertThat(d.matchers()).containsExactly(MatcherDraft.equal("alertname", "HttpErrors"));
        assertThat(d.clusters()).containsExactlyInAnyOrder("eu", "us");
        assertThat(d.withComment("deploy").validate(NOW)).isEmpty();

        // "cluster" is not a label of these alerts: the group picks the cluster instead of a matcher that matches nothing
        RowGroup us = snap.view(Filter.parse("alertname=HttpErrors"), Grouping.byLabels("cluster", "alertname"))
                .groups().stream().filter(g -> g.key().values().contains("us")).findFirst().orElseThrow();
        SilenceDraft onUs = SilenceDraft.forGroup(us, "ana", NOW);
        assertThat(onUs.matchers()).containsExactly(MatcherDraft.equal("alertname", "HttpErrors"));
        assertThat(onUs.clusters()).containsExactly("us");
    }

    @Test
    void validationNamesEveryProblemInline() {
        SilenceDraft d = SilenceDraft.blank("", Set.of(), NOW)
                .addMatcher(MatcherDraft.equal("alertname", "X"))
                .addMatcher(new MatcherDraft("severity", "=~", "crit("))
                .addMatcher(new MatcherDraft("1bad", "=", "x"))
                .addMatcher(new MatcherDraft("job", "==", "x"))
                .withEnd(NOW.minusSeconds(1));
        assertThat(d.validate(NOW)).extracting(DraftProblem::toString).containsExactly(
                "matcher 2: invalid regex \"crit(\": Unclosed group",
                "matcher 3: '1bad' is not a valid label name (letters, digits and _, not starting with a digit)",
                "matcher 4: unknown operator '=='; use =, !=, =~ or !~",
                "a comment is required: say why",
                "the author is required",
                "the end must be after the start",
                "choose at least one cluster");
        assertThat(d.validate(NOW).get(0).matcherIndex()).isEqualTo(1);
    }

    @Test
    void validationRejectsNoMatchersAnEndInThePastAndMatchersThatMatchEverything() {
        SilenceDraft empty = SilenceDraft.blank("ana", Set.of("eu"), NOW.minus(Duration.ofHours(2))).withComment("x");
        assertThat(empty.validate(NOW)).extracting(DraftProblem::toString)
                .containsExactly("add at least one matcher", "the end is in the past");
        SilenceDraft loose = SilenceDraft.blank("ana", Set.of("eu"), NOW).withComment("x")
                .addMatcher(new MatcherDraft("team", "=~", ".*"));
        assertThat(loose.validate(NOW)).singleElement().satisfies(p ->
                assertThat(p.message()).startsWith("every matcher also matches alerts without the label"));
        SilenceDraft ok = loose.withMatcher(0, new MatcherDraft("team", "=~", ".+"));
        assertThat(ok.validate(NOW)).isEmpty();
    }

    @Test
    void previewCountsAllCurrentAlertsOfTheChosenClustersIncludingSuppressedOnes() {
        WorkspaceSnapshot snap = snapshot(3);
        SilenceDraft d = SilenceDraft.blank("ana", Set.of("eu"), NOW).withComment("x")
                .addMatcher(new MatcherDraft("instance", "=~", "web-.*|db-1"));
        SilencePreview p = SilencePreview.of(d, snap);
        assertThat(p.count()).isEqualTo(4);
        assertThat(p.perCluster()).containsExactly(java.util.Map.entry("eu", 4));
        assertThat(p.candidates()).isEqualTo(4);
        assertThat(p.matchesEveryAlert()).isTrue();
        assertThat(p.confirmation()).hasValueSatisfying(c -> {
            assertThat(c.prompt()).isEqualTo("This silence matches 4 alerts (every current alert in cluster eu)."
                    + " Type 4 to confirm.");
            assertThat(c.accepts("4")).isTrue();
            assertThat(c.accepts("5")).isFalse();
            assertThat(c.accepts(null)).isFalse();
        });

        SilencePreview both = SilencePreview.of(d.withClusters(Set.of("eu", "us")), snap);
        assertThat(both.count()).isEqualTo(5);
        assertThat(both.confirmation()).isPresent();

        SilencePreview narrow = SilencePreview.of(d.withMatcher(0, MatcherDraft.equal("instance", "web-1")), snap);
        assertThat(narrow.count()).isEqualTo(1);
        assertThat(narrow.confirmation()).isEmpty();
    }

    @Test
    void aSilenceMatchingMoreThanTheThresholdNeedsTheCountTyped() {
        WorkspaceSnapshot snap = snapshot(25);
        SilenceDraft d = SilenceDraft.blank("ana", Set.of("eu"), NOW).withComment("x")
                .addMatcher(MatcherDraft.equal("alertname", "HttpErrors"));
        SilencePreview p = SilencePreview.of(d, snap);
        assertThat(p.count()).isEqualTo(25);
        assertThat(p.matchesEveryAlert()).isFalse();
        assertThat(p.confirmation()).hasValueSatisfying(c ->
                assertThat(c.prompt()).isEqualTo("This silence matches 25 alerts. Type 25 to confirm."));
        assertThat(SilencePreview.of(d, snap, 30).confirmation()).isEmpty();
    }

    @Test
    void anInvalidDraftPreviewsNothing() {
        SilenceDraft d = SilenceDraft.blank("ana", Set.of("eu"), NOW).addMatcher(new MatcherDraft("x", "=~", "("));
        SilencePreview p = SilencePreview.of(d, snapshot(2));
        assertThat(p.valid()).isFalse();
        assertThat(p.count()).isZero();
    }
}
