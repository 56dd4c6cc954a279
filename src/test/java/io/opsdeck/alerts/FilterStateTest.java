package io.opsdeck.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FilterStateTest {

    @Test
    void aTextWithAnErrorKeepsTheLastGoodFilterApplied() {
        FilterState s = FilterState.initial().edit("severity=critical");
        assertThat(s.error()).isEmpty();
        assertThat(s.applied().text()).isEqualTo("severity=critical");

        s = s.edit("severity=critical instance=~\"web-(");
        assertThat(s.text()).isEqualTo("severity=critical instance=~\"web-(");
        assertThat(s.error()).hasValueSatisfying(e -> {
            assertThat(e.column()).isEqualTo(29);
            assertThat(e.message()).startsWith("unclosed quote");
        });
        assertThat(s.showingLastGood()).isTrue();
        assertThat(s.applied().text()).isEqualTo("severity=critical");

        s = s.edit("severity=critical instance=~\"web-(\"");
        assertThat(s.error()).hasValueSatisfying(e -> assertThat(e.message()).startsWith("invalid regex \"web-(\""));
        assertThat(s.applied().text()).isEqualTo("severity=critical");

        s = s.edit("severity=critical instance=~\"web-.\"");
        assertThat(s.error()).isEmpty();
        assertThat(s.showingLastGood()).isFalse();
        assertThat(s.applied().text()).isEqualTo("severity=critical instance=~\"web-.\"");
    }

    @Test
    void anErrorBeforeAnyGoodFilterShowsEverything() {
        FilterState s = FilterState.initial().edit("@nope");
        assertThat(s.error()).isPresent();
        assertThat(s.applied()).isEqualTo(Filter.ALL);
    }
}
