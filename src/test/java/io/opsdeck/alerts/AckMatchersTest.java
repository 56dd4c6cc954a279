package io.opsdeck.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsdeck.alertmanager.Matcher;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AckMatchersTest {

    @Test
    void sharedLabelsBecomeEqualMatchersAndDifferingOnesAnEscapedAlternation() {
        Fixture f = new Fixture();
        f.alert("eu", "alertname", "HostDown", "job", "node", "instance", "web-1", "env", "demo");
        f.alert("eu", "alertname", "HostDown", "job", "node", "instance", "a.b(c)", "team", "x");
        f.alert("eu", "alertname", "HostDown", "job", "node", "instance", "web-2");
        List<Matcher> m = AckMatchers.of(f.snapshot().rows());
        assertThat(m).extracting(Matcher::toString).containsExactly(
                "alertname=\"HostDown\"", "instance=~\"a\\\\.b\\\\(c\\\\)|web-1|web-2\"", "job=\"node\"");
        assertThat(m.get(1).value()).isEqualTo("a\\.b\\(c\\)|web-1|web-2");
        assertThat(m.get(1).matches(Map.of("instance", "a.b(c)"))).isTrue();
        assertThat(m.get(1).matches(Map.of("instance", "aXb(c)"))).as("the dot is literal").isFalse();
    }

    @Test
    void escapesEveryRegexMetacharacter() {
        assertThat(AckMatchers.escapeRegex("a.b")).isEqualTo("a\\.b");
        String nasty = "^x+y*z?[1]{2}|(a)$\\";
        assertThat(Matcher.regex("l", AckMatchers.escapeRegex(nasty)).matches(Map.of("l", nasty))).isTrue();
    }

    @Test
    void anAcknowledgementThatWouldCoverOtherAlertsIsRefused() {
        Fixture f = new Fixture();
        f.alert("eu", "alertname", "HostDown", "instance", "web-1", "job", "node");
        f.alert("eu", "alertname", "HostDown", "instance", "web-2", "job", "app");
        f.alert("eu", "alertname", "HostDown", "instance", "web-1", "job", "app");
        f.alert("eu", "alertname", "HostDown", "instance", "web-2", "job", "node");
        WorkspaceSnapshot snap = f.snapshot();
        List<AlertRow> chosen = snap.rows().stream()
                .filter(r -> r.label("instance").equals("web-1") && r.label("job").equals("node")
                        || r.label("instance").equals("web-2") && r.label("job").equals("app")).toList();
        assertThat(chosen).hasSize(2);
        assertThatThrownBy(() -> Acknowledger.plan(snap, chosen)).isInstanceOf(AckRefusedException.class)
                .hasMessageContaining("on cluster eu")
                .hasMessageContaining("would also cover 2 alert(s) not chosen")
                .hasMessageContaining("HostDown{instance=\"web-1\", job=\"app\"}");
    }

    @Test
    void aGroupAcrossClustersGetsOneSilencePerCluster() {
        Fixture f = new Fixture();
        f.alert("eu", "alertname", "HostDown", "instance", "web-1");
        f.alert("us", "alertname", "HostDown", "instance", "web-9");
        f.alert("us", "alertname", "DiskFull", "instance", "web-9");
        WorkspaceSnapshot snap = f.snapshot();
        RowGroup group = snap.view(Filter.ALL, Grouping.DEFAULT).group(
                new GroupKey(List.of("alertname"), List.of("HostDown"))).orElseThrow();
        Map<String, List<Matcher>> plan = Acknowledger.plan(snap, group.rows());
        assertThat(plan).containsOnlyKeys("eu", "us");
        assertThat(plan.get("us")).extracting(Matcher::toString)
                .containsExactly("alertname=\"HostDown\"", "instance=\"web-9\"");
    }

    @Test
    void theAckCommentIsRecognisedByOtherTools() {
        assertThat(Acknowledger.comment("db failover")).isEqualTo("ACK! db failover (via OpsDeck)");
        assertThat(Acknowledger.comment("  ")).isEqualTo("ACK! (via OpsDeck)");
        assertThat(Acknowledgement.isAckComment(Acknowledger.comment(null))).isTrue();
    }
}
