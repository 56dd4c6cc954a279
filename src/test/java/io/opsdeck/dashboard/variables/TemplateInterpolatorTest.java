package io.opsdeck.dashboard.variables;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.dashboard.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Grafana's templateSrv syntax and formats, with the Prometheus datasource's escaping as the default. */
class TemplateInterpolatorTest {

    private static final TimeRange RANGE = TimeRange.last(Duration.ofHours(1), Instant.parse("2026-01-01T12:00:00Z"));
    private static final VariableValue HOST = VariableValue.single("host", "web-1");
    private static final VariableValue MULTI = new VariableValue("nodes", List.of("a.b", "c"), false, null, true,
            List.of("a.b", "c", "d"));

    private static TemplateInterpolator interp(VariableValue... values) {
        Map<String, VariableValue> m = new java.util.HashMap<>();
        for (VariableValue v : values) {
            m.put(v.name(), v);
        }
        return new TemplateInterpolator(m, new BuiltIns(RANGE, Duration.ofSeconds(60), Duration.ofSeconds(15), "Ops"));
    }

    @Test
    void allThreeSyntaxesReplaceASingleValue() {
        assertThat(interp(HOST).interpolate("up{instance=\"$host\"} ${host} [[host]]"))
                .isEqualTo("up{instance=\"web-1\"} web-1 web-1");
    }

    @Test
    void multiValueBecomesAnEscapedRegexAlternationForPrometheus() {
        // Grafana's prometheusSpecialRegexEscape: "a.b" -> "a\\.b" inside the PromQL string
        assertThat(interp(MULTI).interpolate("up{instance=~\"$nodes\"}")).isEqualTo("up{instance=~\"(a\\\\.b|c)\"}");
    }

    @Test
    void namedFormatsFollowGrafana() {
        TemplateInterpolator t = interp(MULTI);
        assertThat(t.interpolate("${nodes:regex}")).isEqualTo("(a\\.b|c)");
        assertThat(t.interpolate("${nodes:pipe}")).isEqualTo("a.b|c");
        assertThat(t.interpolate("${nodes:csv}")).isEqualTo("a.b,c");
        assertThat(t.interpolate("${nodes:raw}")).isEqualTo("a.b,c");
        assertThat(t.interpolate("[[nodes:pipe]]")).isEqualTo("a.b|c");
        assertThat(t.interpolate("${nodes:text}", TemplateInterpolator.DefaultFormat.TEXT)).isEqualTo("a.b + c");
    }

    @Test
    void regexMetacharactersAreAllEscaped() {
        VariableValue v = new VariableValue("v", List.of("a+b(c)|[d]{e}^$*?"), false, null, true, List.of());
        assertThat(interp(v).interpolate("${v:regex}")).isEqualTo("a\\+b\\(c\\)\\|\\[d\\]\\{e\\}\\^\\$\\*\\?");
        assertThat(TemplateInterpolator.prometheusRegexEscape("a.b\\c")).isEqualTo("a\\\\.b\\\\\\\\c");
    }

    @Test
    void singleValueVariableOnlyEscapesQuotes() {
        assertThat(interp(VariableValue.single("v", "it's a.b")).interpolate("$v")).isEqualTo("it\\\\'s a.b");
    }

    @Test
    void allWithCustomAllValueIsInsertedVerbatim() {
        VariableValue all = new VariableValue("host", List.of("x", "y"), true, ".*", true, List.of("x", "y"));
        assertThat(interp(all).interpolate("up{instance=~\"$host\"}")).isEqualTo("up{instance=~\".*\"}");
        assertThat(interp(all).interpolate("${host:text}")).isEqualTo("All");
        VariableValue allOptions = new VariableValue("host", List.of("x", "y"), true, null, true, List.of("x", "y"));
        assertThat(interp(allOptions).interpolate("$host")).isEqualTo("(x|y)");
    }

    @Test
    void builtInsFollowGrafanasPrometheusDatasource() {
        TemplateInterpolator t = interp();
        assertThat(t.interpolate("$__interval $__interval_ms $__range $__range_s $__range_ms $__dashboard"))
                .isEqualTo("60s 60000 3600s 3600 3600000 Ops");
        // max(interval + scrape, 4 * scrape) = max(75s, 60s)
        assertThat(t.interpolate("rate(x[$__rate_interval])")).isEqualTo("rate(x[75s])");
        TemplateInterpolator small = new TemplateInterpolator(Map.of(),
                new BuiltIns(RANGE, Duration.ofSeconds(15), Duration.ofSeconds(15), ""));
        assertThat(small.interpolate("${__rate_interval}")).isEqualTo("60s");
    }

    @Test
    void unknownVariablesAreLeftUntouched() {
        assertThat(interp(HOST).interpolate("$nope ${nope} $host")).isEqualTo("$nope ${nope} web-1");
        assertThat(TemplateInterpolator.referencedNames("a $x ${y:csv} [[z]] $__interval $x")).containsExactly("x", "y", "z");
    }
}
