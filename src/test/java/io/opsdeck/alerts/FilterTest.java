package io.opsdeck.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterTest {

    private final WorkspaceSnapshot snap = snapshot();

    private static WorkspaceSnapshot snapshot() {
        Fixture f = new Fixture();
        f.alert("eu", Duration.ofMinutes(2), "alertname", "HostDown", "instance", "web-1", "severity", "critical");
        f.alert("eu", Duration.ofMinutes(30), "alertname", "DiskFull", "instance", "db-1", "severity", "warning",
                "mountpoint", "/var/lib/my data");
        f.alert("us", Duration.ofHours(3), "alertname", "HighLoad", "instance", "ml-1", "severity", "info",
                "team", "ml.ops");
        f.add("us", Fixture.labels("alertname", "Paging", "instance", "web-2", "severity", "critical"),
                java.util.Map.of("description", "Pager went OFF"), Duration.ofMinutes(1), List.of(), List.of(),
                List.of("pager", "null"));
        return f.snapshot();
    }

    private List<String> names(String filter) {
        Filter f = Filter.parse(filter);
        return snap.rows().stream().filter(r -> f.test(r, snap.takenAt())).map(AlertRow::alertname).sorted().toList();
    }

    @Test
    void labelOperatorsFollowAlertmanagerSemantics() {
        assertThat(names("severity=critical")).containsExactly("HostDown", "Paging");
        assertThat(names("severity!=critical")).containsExactly("DiskFull", "HighLoad");
        assertThat(names("instance=~web-.*")).containsExactly("HostDown", "Paging");
        assertThat(names("instance=~web")).as("regexes are anchored").isEmpty();
        assertThat(names("instance!~\"web-.*|db-1\"")).containsExactly("HighLoad");
        assertThat(names("team=\"\"")).as("a missing label is the empty string").hasSize(3);
        assertThat(names("team=ml.ops severity=info")).containsExactly("HighLoad");
    }

    @Test
    void quotedValuesKeepSpacesAndEscapes() {
        assertThat(names("mountpoint=\"/var/lib/my data\"")).containsExactly("DiskFull");
        assertThat(Filter.parse("x=\"a\\\"b\"").isEmpty()).isFalse();
        assertThat(names("severity = critical")).as("spaces around the operator").containsExactly("HostDown", "Paging");
    }

    @Test
    void freeTextSearchesNameSummaryDescriptionAndLabelValuesIgnoringCase() {
        assertThat(names("hostdown")).containsExactly("HostDown");
        assertThat(names("pager went")).containsExactly("Paging");
        assertThat(names("\"went off\"")).containsExactly("Paging");
        assertThat(names("ML.OPS")).containsExactly("HighLoad");
        assertThat(names("summary")).hasSize(3);
        assertThat(names("disk-full")).isEmpty();
    }

    @Test
    void keywordsFilterByStateReceiverClusterAndAge() {
        assertThat(names("@state=active")).hasSize(4);
        assertThat(names("@state=suppressed")).isEmpty();
        assertThat(names("@state!=firing")).isEmpty();
        assertThat(names("@receiver=pager")).containsExactly("Paging");
        assertThat(names("@receiver!=pager")).hasSize(3);
        assertThat(names("@receiver=~pa.*")).containsExactly("Paging");
        assertThat(names("@cluster=us")).containsExactly("HighLoad", "Paging");
        assertThat(names("@cluster!~e.")).containsExactly("HighLoad", "Paging");
        assertThat(names("@age>10m")).containsExactly("DiskFull", "HighLoad");
        assertThat(names("@age<1h")).containsExactly("DiskFull", "HostDown", "Paging");
        assertThat(names("@age>=30m @age<=30m")).containsExactly("DiskFull");
        assertThat(names("@acked")).isEmpty();
        assertThat(names("@stale")).isEmpty();
        assertThat(names("@firing")).hasSize(4);
    }

    @Test
    void errorsCarryTheColumnAndTheReason() {
        assertError("severity=\"crit", 10, "unclosed quote");
        assertError("severity=~\"crit(\"", 11, "invalid regex \"crit(\": Unclosed group");
        assertError("a=b sev=~crit(", 10, "invalid regex \"crit(\": Unclosed group");
        assertError("severity=", 10, "missing value after '=' (write \"\" for an empty value)");
        assertError("@colour=red", 1, "unknown keyword @colour; known: @state, @receiver, @cluster, @age, @acked,"
                + " @silenced, @inhibited, @stale, @firing, @resolved");
        assertError("@state=firing|sleeping", 15, "unknown state 'sleeping'; one of active, suppressed, firing, acked,"
                + " silenced, inhibited, resolved");
        assertError("@age>tenminutes", 6, "invalid duration 'tenminutes' (e.g. 30s, 10m, 1h30m, 2d)");
        assertError("@age=10m", 5, "@age compares with '>' or '<' (e.g. @age>10m), not '='");
        assertError("@acked=yes", 7, "@acked takes no value");
        assertError("@", 1, "expected a keyword after '@': one of @state, @receiver, @cluster, @age, @acked,"
                + " @silenced, @inhibited, @stale, @firing, @resolved");
        assertError("x=\"a\"b", 6, "expected a space after the closing quote");
    }

    @Test
    void theErrorOfAnUnclosedQuoteUnderlinesToTheEnd() {
        FilterError e = error("job=node  summary=\"disk is");
        assertThat(e.toString()).isEqualTo("col 19: unclosed quote");
        assertThat(e.offset() + e.length()).isEqualTo("job=node  summary=\"disk is".length());
    }

    @Test
    void blankTextKeepsEverything() {
        assertThat(Filter.parse("   ").isEmpty()).isTrue();
        assertThat(names("")).hasSize(4);
    }

    private static void assertError(String text, int column, String message) {
        FilterError e = error(text);
        assertThat(e.column()).as(text).isEqualTo(column);
        assertThat(e.message()).as(text).isEqualTo(message);
        assertThat(e.toString()).isEqualTo("col " + column + ": " + message);
    }

    private static FilterError error(String text) {
        try {
            Filter.parse(text);
        } catch (FilterException e) {
            return e.error();
        }
        throw new AssertionError("expected '" + text + "' to fail");
    }

    @Test
    void parseThrowsFilterExceptionWithThePositionInItsMessage() {
        assertThatThrownBy(() -> Filter.parse("a=~(")).isInstanceOf(FilterException.class)
                .hasMessageStartingWith("col 4: invalid regex \"(\"");
    }
}
