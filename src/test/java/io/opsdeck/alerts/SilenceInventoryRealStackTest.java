package io.opsdeck.alerts;

import static io.opsdeck.alertmanager.TestAlerts.alert;
import static io.opsdeck.alertmanager.TestAlerts.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The silence inventory over a real Alertmanager 0.25 HA pair. */
class SilenceInventoryRealStackTest {

    @RegisterExtension
    static final HaPair PAIR = new HaPair();

    @Test
    void theInventoryMarksSilencesThatMatchNothingAndThoseAboutToExpire() {
        String run = unique();
        PAIR.post(run, List.of(alert(run, "HostDown", "instance", "web-1"), alert(run, "Other", "instance", "web-1")));
        Silencer silencer = Silencer.builder(PAIR.fleet()).build();
        WorkspaceSnapshot snap = PAIR.workspace.refresh();
        SilenceDraft base = SilenceDraft.blank("ana", Set.of("eu"), Instant.now()).withComment("x")
                .addMatcher(MatcherDraft.equal("test", run));
        String matching = silencer.save(base.addMatcher(MatcherDraft.equal("alertname", "HostDown"))
                .withEnd(Instant.now().plus(Duration.ofMinutes(30))), snap, null).ids().get("eu");
        String nothing = silencer.save(base.addMatcher(MatcherDraft.equal("alertname", "Gone"))
                .withEnd(Instant.now().plus(Duration.ofHours(5))), snap, null).ids().get("eu");

        List<InventoryEntry> inventory = SilenceInventory.of(PAIR.workspace.refresh(), Duration.ofHours(1), false);
        InventoryEntry m = inventory.stream().filter(e -> e.id().id().equals(matching)).findFirst().orElseThrow();
        InventoryEntry n = inventory.stream().filter(e -> e.id().id().equals(nothing)).findFirst().orElseThrow();
        assertThat(m.matchedAlerts()).isEqualTo(1);
        assertThat(m.matchesNothing()).isFalse();
        assertThat(m.expiringSoon()).isTrue();
        assertThat(n.matchesNothing()).isTrue();
        assertThat(n.expiringSoon()).isFalse();
    }

    @Test
    void theInventoryDeduplicatesPeersAndListsExpiredSilencesOnlyWhenAsked() {
        String run = unique();
        Silencer silencer = Silencer.builder(PAIR.fleet()).build();
        SilenceDraft draft = SilenceDraft.blank("ana", Set.of("eu"), Instant.now()).withComment("x")
                .addMatcher(MatcherDraft.equal("test", run));
        String id = silencer.save(draft, PAIR.workspace.refresh(), null).ids().get("eu");
        silencer.expire(new SilenceId("eu", id), "ana");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            WorkspaceSnapshot snap = PAIR.workspace.refresh();
            assertThat(SilenceInventory.of(snap, Duration.ofHours(1), true)).filteredOn(e -> e.id().id().equals(id))
                    .singleElement().satisfies(e -> {
                        assertThat(e.silence().sources()).containsExactly("am-0", "am-1");
                        assertThat(e.matchesNothing()).isFalse();
                        assertThat(e.timeLeft()).isZero();
                    });
            assertThat(SilenceInventory.of(snap, Duration.ofHours(1), false)).noneMatch(e -> e.id().id().equals(id));
        });
    }
}
