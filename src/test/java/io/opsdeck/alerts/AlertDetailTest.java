package io.opsdeck.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertDetailTest {

    @Test
    void onlyHttpAndHttpsUrlsWithAHostAreOpenable() {
        assertThat(SafeLinks.isOpenable("https://grafana.example/d/x?var-instance=web-1")).isTrue();
        assertThat(SafeLinks.isOpenable("HTTP://example.org")).isTrue();
        for (String bad : List.of("javascript:alert(1)", "JavaScript:alert(1)", "file:///etc/passwd",
                "data:text/html,<script>x</script>", "vbscript:x", "ftp://example.org/x", "docs/runbooks/X.md",
                "//example.org/x", "http://", "http:///path", "https://user:pw@example.org/", "http://exa mple.org",
                "http://example.org/\nSet-Cookie:x", "", " https://example.org")) {
            assertThat(SafeLinks.isOpenable(bad)).as(bad).isFalse();
        }
        assertThat(SafeLinks.isOpenable(null)).isFalse();
    }

    @Test
    void detailResolvesRunbookDashboardLinksNeighboursAndHistory() {
        Fixture f = new Fixture();
        f.add("eu", Fixture.labels("alertname", "HostDown", "instance", "web-1", "role", "web"),
                Map.of("runbook_url", "docs/runbooks/HostDown.md", "dashboard", "devops?var-instance=web-1&var-job=node%20x",
                        "summary", "<b>web-1</b> is down", "wiki", "https://wiki.example/HostDown",
                        "evil", "javascript:alert(1)"),
                Duration.ofMinutes(5), List.of(), List.of(), List.of());
        f.alert("eu", "alertname", "DiskFull", "instance", "web-1");
        f.alert("us", "alertname", "DiskFull", "instance", "web-1");
        f.alert("eu", "alertname", "DiskFull", "instance", "web-2");
        WorkspaceSnapshot snap = f.snapshot();
        AlertRow row = snap.rows().stream().filter(r -> r.alertname().equals("HostDown")).findFirst().orElseThrow();
        ResolvedAlert past = new ResolvedAlert("eu", row.fingerprint(), row.alert().labels(), Map.of(),
                Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-01T10:20:00Z"));
        AlertHistorySource history = new AlertHistorySource() {
            @Override
            public List<ResolvedAlert> recentlyResolved(Instant since) {
                return List.of();
            }

            @Override
            public List<ResolvedAlert> history(String cluster, String fingerprint, int limit) {
                return cluster.equals("eu") && fingerprint.equals(row.fingerprint()) ? List.of(past) : List.of();
            }
        };
        Path docs = Path.of("docs").toAbsolutePath();
        AlertDetail d = AlertDetail.of(row, snap, DetailOptions.defaults().withDocsBase(docs).withHistory(history));

        assertThat(d.annotations()).containsEntry("summary", "<b>web-1</b> is down");
        assertThat(d.labels().firstKey()).isEqualTo("alertname");
        assertThat(d.runbook()).hasValueSatisfying(l ->
                assertThat(l.localFile()).contains(docs.resolve("runbooks/HostDown.md").normalize()));
        assertThat(d.runbook().orElseThrow().localFile().orElseThrow()).exists();
        assertThat(d.generator()).hasValueSatisfying(l -> assertThat(l.webUrl()).isPresent());
        assertThat(d.dashboard()).contains(new DashboardRef("devops", Map.of("instance", "web-1", "job", "node x")));
        assertThat(d.annotationLinks()).containsOnlyKeys("wiki");
        assertThat(d.sameInstance()).extracting(r -> r.alertname() + "@" + r.cluster()).containsExactly("DiskFull@eu");
        assertThat(d.history()).containsExactly(past);
    }

    @Test
    void runbookPathsCannotEscapeTheDocsFolderAndOtherSchemesStayText() {
        Path docs = Path.of("/srv/opsdeck/docs");
        assertThat(Link.of("../../etc/passwd", docs).openable()).isFalse();
        assertThat(Link.of("docs/../../secret", docs).note()).isEqualTo("points outside the docs folder");
        assertThat(Link.of("file:///etc/passwd", docs).note()).isEqualTo("not an http(s) link, shown as text");
        assertThat(Link.of("runbooks/X.md#steps", docs).localFile()).contains(Path.of("/srv/opsdeck/docs/runbooks/X.md"));
        assertThat(Link.of("runbooks/X.md", null).openable()).isFalse();
    }

    @Test
    void dashboardFallsBackToTheRoleMapping() {
        Fixture f = new Fixture();
        f.alert("eu", "alertname", "PostgresDown", "instance", "db-1", "role", "db");
        WorkspaceSnapshot snap = f.snapshot();
        AlertDetail d = AlertDetail.of(snap.rows().get(0), snap,
                DetailOptions.defaults().withDashboardsByRole(Map.of("db", "databases")));
        assertThat(d.dashboard()).contains(new DashboardRef("databases", Map.of("instance", "db-1")));
        assertThat(DashboardRef.parse("bad id?x=1")).isEmpty();
    }
}
