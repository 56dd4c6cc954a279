package io.opsdeck.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionsTest {

    private final List<AlertRow> rows = rows();

    private static List<AlertRow> rows() {
        Fixture f = new Fixture();
        f.alert("eu", "alertname", "HostDown", "instance", "web-1", "severity", "critical");
        f.alert("eu", "alertname", "HostDown", "instance", "web-2", "severity", "critical");
        f.alert("eu", "alertname", "DiskFull", "instance", "db-1", "severity", "warning", "mountpoint", "/my data");
        f.alert("us", "alertname", "Weird", "instance", "a.b", "severity", "crit");
        return f.snapshot().rows();
    }

    @Test
    void proposesValuesOfTheLabelUnderTheCaretMostCommonFirst() {
        List<Completion> c = Completions.at("severity=cr", 11, rows);
        assertThat(c).extracting(Completion::display).containsExactly("critical", "crit");
        assertThat(c.get(0).detail()).isEqualTo("2 alerts");
        assertThat(c.get(0).applyTo("severity=cr")).isEqualTo("severity=critical");
    }

    @Test
    void completesInTheMiddleOfTheText() {
        String text = "instance=w @acked";
        List<Completion> c = Completions.at(text, 10, rows);
        assertThat(c).extracting(Completion::insert).containsExactly("web-1", "web-2");
        assertThat(c.get(1).applyTo(text)).isEqualTo("instance=web-2 @acked");
    }

    @Test
    void quotesValuesWithSpacesAndEscapesValuesForRegexOperators() {
        assertThat(Completions.at("mountpoint=", 11, rows)).extracting(Completion::insert).containsExactly("\"/my data\"");
        assertThat(Completions.at("instance=~a", 11, rows)).extracting(Completion::insert).containsExactly("a\\.b");
        assertThat(Completions.at("job=x mountpoint=\"/my", 21, rows)).extracting(Completion::insert)
                .containsExactly("\"/my data\"");
    }

    @Test
    void proposesLabelNamesAndKeywords() {
        assertThat(Completions.at("sev", 3, rows)).extracting(Completion::insert).containsExactly("severity=");
        assertThat(Completions.at("", 0, rows)).extracting(Completion::insert)
                .startsWith("alertname=", "instance=", "severity=").contains("@state=", "@acked", "@age>");
        assertThat(Completions.at("x @s", 4, rows)).extracting(Completion::insert)
                .containsExactly("@state=", "@silenced", "@stale");
    }

    @Test
    void proposesKeywordValues() {
        assertThat(Completions.at("@state=firing|ack", 17, rows)).singleElement().satisfies(c -> {
            assertThat(c.insert()).isEqualTo("acked");
            assertThat(c.applyTo("@state=firing|ack")).isEqualTo("@state=firing|acked");
        });
        assertThat(Completions.at("@cluster=", 9, rows)).extracting(Completion::insert).containsExactly("eu", "us");
        assertThat(Completions.at("@receiver=n", 11, rows)).extracting(Completion::insert).containsExactly("null");
        assertThat(Completions.at("@age>1", 6, rows)).extracting(Completion::insert).containsExactly("10m", "1h", "1d");
    }
}
