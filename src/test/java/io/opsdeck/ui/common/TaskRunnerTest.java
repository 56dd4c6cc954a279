package io.opsdeck.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskRunnerTest {

    private final List<Runnable> background = new ArrayList<>();
    private final List<Runnable> ui = new ArrayList<>();
    private final TaskRunner tasks = new TaskRunner(background::add, ui::add);
    private final List<Object> seen = new ArrayList<>();

    @Test
    void resultsAndFailuresArriveOnTheUiExecutor() {
        tasks.submit("ok", () -> 42, seen::add, seen::add);
        tasks.submit("boom", () -> {
            throw new IllegalStateException("boom");
        }, seen::add, e -> seen.add(e.getMessage()));
        background.forEach(Runnable::run);
        assertThat(seen).isEmpty();
        ui.forEach(Runnable::run);
        assertThat(seen).containsExactly(42, "boom");
    }

    @Test
    void cancelledWorkNeverReportsBack() {
        TaskHandle h = tasks.submit("slow", () -> 1, seen::add, seen::add);
        background.forEach(Runnable::run);
        h.cancel();
        ui.forEach(Runnable::run);
        assertThat(seen).isEmpty();
        assertThat(h.cancelled()).isTrue();
    }

    @Test
    void aBurstOfUpdatesCostsOneUiHop() {
        List<List<Integer>> batches = new ArrayList<>();
        UiBatcher<Integer> batcher = new UiBatcher<>(ui::add, batches::add);
        for (int i = 0; i < 1000; i++) {
            batcher.offer(i);
        }
        assertThat(ui).hasSize(1);
        ui.getFirst().run();
        assertThat(batches).hasSize(1);
        assertThat(batches.getFirst()).hasSize(1000);
    }

    @Test
    void agesReadLikeAnOperatorWouldSayThem() {
        assertThat(AgeText.of(java.time.Duration.ofSeconds(12))).isEqualTo("12 s");
        assertThat(AgeText.of(java.time.Duration.ofMinutes(3))).isEqualTo("3 min");
        assertThat(AgeText.of(java.time.Duration.ofHours(5))).isEqualTo("5 h");
        assertThat(AgeText.of(java.time.Duration.ofDays(3))).isEqualTo("3 d");
    }
}
