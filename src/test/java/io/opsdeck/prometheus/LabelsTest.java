package io.opsdeck.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void labelsAreSortedAndComparedByContent() {
        Labels a = Labels.of("job", "node", "__name__", "up", "instance", "web-1");
        Labels b = Labels.of(Map.of("instance", "web-1", "job", "node", "__name__", "up"));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.name(0)).isEqualTo("__name__");
        assertThat(a.get("job")).isEqualTo("node");
        assertThat(a.get("missing")).isNull();
        assertThat(a.metricName()).isEqualTo("up");
        assertThat(a.asMap()).containsExactly(Map.entry("__name__", "up"), Map.entry("instance", "web-1"), Map.entry("job", "node"));
    }

    @Test
    void unsortedPairsFromAServerAreSorted() {
        Labels labels = Labels.ofPairs(new String[] {"z", "1", "a", "2", "m", "3"}, 3);
        assertThat(labels).isEqualTo(Labels.of("a", "2", "m", "3", "z", "1"));
    }

    @Test
    void toStringEscapesHostileValues() {
        Labels labels = Labels.of("__name__", "up", "path", "a\"b\\c\nd");
        assertThat(labels).hasToString("up{path=\"a\\\"b\\\\c\\nd\"}");
    }

    @Test
    void oddPairCountIsRefused() {
        assertThatThrownBy(() -> Labels.of("a")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("odd");
    }
}
