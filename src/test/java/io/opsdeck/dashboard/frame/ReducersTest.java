package io.opsdeck.dashboard.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Grafana reducer ids: which are known, their display names, and that unknown ids are refused. */
class ReducersTest {

    @Test
    void anUnknownReducerIsRefusedEvenWhenThereAreNoValues() {
        assertThat(Reducers.supports("stdDev")).isFalse();
        assertThatThrownBy(() -> Reducers.reduce("stdDev", new double[0])).hasMessageContaining("stdDev");
        assertThatThrownBy(() -> Reducers.reduce("stdDev", new double[] {Double.NaN})).hasMessageContaining("stdDev");
    }

    @Test
    void oldGraphIdsAreAliasesWithGrafanasNames() {
        double[] v = {2, Double.NaN, 6};
        assertThat(Reducers.reduce("avg", v)).isEqualTo(Reducers.reduce("mean", v)).isEqualTo(4);
        assertThat(Reducers.reduce("current", v)).isEqualTo(6);
        assertThat(Reducers.reduce("total", v)).isEqualTo(8);
        assertThat(Reducers.title("lastNotNull")).isEqualTo("Last *");
        assertThat(Reducers.title("sum")).isEqualTo(Reducers.title("total")).isEqualTo("Total");
        assertThat(Reducers.title("diff")).isEqualTo("Difference");
    }
}
