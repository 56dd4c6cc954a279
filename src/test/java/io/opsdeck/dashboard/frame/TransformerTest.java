package io.opsdeck.dashboard.frame;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.dashboard.FieldConfig;
import io.opsdeck.dashboard.FieldDefaults;
import io.opsdeck.dashboard.FieldOverride;
import io.opsdeck.dashboard.Thresholds;
import io.opsdeck.dashboard.Transformation;
import io.opsdeck.dashboard.ValueMapping;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransformerTest {

    private static Series s(String name, String refId, long[] ts, double... vs) {
        return new Series(name, Map.of("n", name), refId, ts, vs);
    }

    private static final long[] T3 = {1000, 2000, 3000};
    private static final Frame FRAME = new Frame(List.of(s("used", "A", T3, 1, 2, 3), s("free", "B", T3, 9, 8, 7),
            s("cache", "C", T3, 5, 5, 5)));

    @Test
    void organizeExcludesOrdersAndRenames() {
        Frame f = Transformer.apply(FRAME, List.of(new Transformation("organize", Map.of(
                "excludeByName", Map.of("cache", true),
                "indexByName", Map.of("free", 0, "used", 1),
                "renameByName", Map.of("free", "Free memory")), false)));
        assertThat(f.series()).extracting(Series::name).containsExactly("Free memory", "used");
    }

    @Test
    void calculateFieldBinaryAndReduceRow() {
        Frame binary = Transformer.apply(FRAME, List.of(new Transformation("calculateField", Map.of(
                "mode", "binary", "binary", Map.of("left", "used", "operator", "/", "right", "free"),
                "alias", "ratio", "replaceFields", true), false)));
        assertThat(binary.series()).hasSize(1);
        assertThat(binary.series().get(0).name()).isEqualTo("ratio");
        assertThat(binary.series().get(0).values()).containsExactly(1 / 9.0, 2 / 8.0, 3 / 7.0);

        Frame total = Transformer.apply(FRAME, List.of(new Transformation("calculateField", Map.of(
                "mode", "reduceRow", "reduce", Map.of("reducer", "sum", "include", List.of("used", "free"))), false)));
        assertThat(total.series()).hasSize(4);
        assertThat(total.series().get(3).name()).isEqualTo("Sum");
        assertThat(total.series().get(3).values()).containsExactly(10, 10, 10);

        Frame scaled = Transformer.apply(FRAME, List.of(new Transformation("calculateField", Map.of(
                "mode", "binary", "binary", Map.of("left", "used", "operator", "*", "right", "100")), false)));
        assertThat(scaled.series().get(3).name()).isEqualTo("used * 100");
        assertThat(scaled.series().get(3).values()).containsExactly(100, 200, 300);
    }

    @Test
    void renameByRegexUsesCaptureGroupsAndMergeJoinsSeriesOfOneQueryWithEqualLabels() {
        Frame renamed = Transformer.apply(new Frame(List.of(s("node_load1{instance=\"web-1:9100\"}", "A", T3, 1, 2, 3))),
                List.of(new Transformation("renameByRegex", Map.of("regex", "/.*instance=\"([^:]+).*/",
                        "renamePattern", "load $1"), false)));
        assertThat(renamed.series().get(0).name()).isEqualTo("load web-1");

        Series early = new Series("x", Map.of("i", "a"), "A", new long[]{1, 2}, new double[]{1, Double.NaN});
        Series late = new Series("x", Map.of("i", "a"), "A", new long[]{2, 3}, new double[]{20, 3});
        Series otherQuery = new Series("y", Map.of("i", "a"), "B", new long[]{2, 3}, new double[]{7, 8});
        Frame merged = Transformer.apply(new Frame(List.of(early, late, otherQuery)),
                List.of(new Transformation("merge", Map.of(), false), new Transformation("organize", Map.of(
                        "excludeByName", Map.of("x", true)), true)));
        assertThat(merged.series()).as("one series per query and label set").hasSize(2);
        assertThat(merged.series().get(0).timestamps()).containsExactly(1, 2, 3);
        assertThat(merged.series().get(0).values()).as("a value beats a gap").containsExactly(1, 20, 3);
        assertThat(merged.series().get(1)).as("query B keeps its own values").isEqualTo(otherQuery);
        assertThat(Transformer.supported("seriesToRows")).isFalse();
    }

    @Test
    void overridesMatchByNameNamesRegexAndRefIdInOrder() {
        FieldConfig fc = new FieldConfig(FieldDefaults.EMPTY.withUnit("bytes"), List.of(
                new FieldOverride(new FieldOverride.Matcher("byRegexp", "/^fr/"), List.of(
                        new FieldOverride.Property("unit", "percent"))),
                new FieldOverride(new FieldOverride.Matcher("byFrameRefID", "C"), List.of(
                        new FieldOverride.Property("decimals", 0))),
                new FieldOverride(new FieldOverride.Matcher("byNames", List.of("used"), true), List.of(
                        new FieldOverride.Property("custom.fillOpacity", 50))),
                new FieldOverride(new FieldOverride.Matcher("byName", "free"), List.of(
                        new FieldOverride.Property("unit", "short")))));
        FieldDefaults used = FieldDisplay.effective(fc, FRAME.series().get(0));
        FieldDefaults free = FieldDisplay.effective(fc, FRAME.series().get(1));
        FieldDefaults cache = FieldDisplay.effective(fc, FRAME.series().get(2));
        assertThat(used.unit()).isEqualTo("bytes");
        assertThat(used.custom()).doesNotContainKey("fillOpacity");
        assertThat(free.unit()).isEqualTo("short");
        assertThat(free.custom()).containsEntry("fillOpacity", 50);
        assertThat(cache.decimals()).isZero();
        assertThat(FieldDisplay.format(cache, 1536.7).toString()).isEqualTo("2 KiB");
    }

    @Test
    void displayAppliesMappingsThenUnitThenThresholds() {
        FieldDefaults f = FieldDefaults.EMPTY.withUnit("percentunit").withMinMax(0.0, 1.0)
                .withThresholds(new Thresholds(Thresholds.Mode.PERCENTAGE, List.of(
                        new Thresholds.Step(Double.NEGATIVE_INFINITY, "green"), new Thresholds.Step(90, "red"))))
                .withMappings(List.of(new ValueMapping.SpecialMap("null+nan", new ValueMapping.Result("no data", "gray")),
                        new ValueMapping.RangeMap(1.0, null, new ValueMapping.Result("FULL", null))));
        assertThat(FieldDisplay.display(f, 0.123)).isEqualTo(new FieldDisplay.Display("12.3%", "green"));
        assertThat(FieldDisplay.display(f, 0.95)).isEqualTo(new FieldDisplay.Display("95%", "red"));
        assertThat(FieldDisplay.display(f, 1.0)).isEqualTo(new FieldDisplay.Display("FULL", "red"));
        assertThat(FieldDisplay.display(f, Double.NaN)).isEqualTo(new FieldDisplay.Display("no data", "gray"));
        assertThat(Reducers.reduce("mean", new double[]{1, Double.NaN, 3})).isEqualTo(2);
        assertThat(Reducers.reduce("lastNotNull", new double[]{1, 2, Double.NaN})).isEqualTo(2);
        assertThat(Series.legend("{{instance}} {{ mountpoint }}", Map.of("instance", "web-1", "mountpoint", "/")))
                .isEqualTo("web-1 /");
    }
}
