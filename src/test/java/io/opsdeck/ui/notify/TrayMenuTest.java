package io.opsdeck.ui.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.console.Severity;
import io.opsdeck.ui.common.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

/**
 * The tray icon's menu and tooltip as a model: the desktop's tray (absent under Monocle and Xvfb) only draws it,
 * so the "Mute alert sounds" item's label, state and action are tested here.
 */
class TrayMenuTest {

    private final Messages messages = Messages.english();
    private final List<Runnable> fxQueue = new ArrayList<>();
    private final TrayMenu menu = new TrayMenu(messages, fxQueue::add);
    private final BooleanProperty muted = new SimpleBooleanProperty(false);

    @Test
    void hasNoItemsUntilTheMuteStateIsBound() {
        assertThat(menu.items()).isEmpty();
        menu.bindMute(muted);
        assertThat(menu.items()).containsExactly(new TrayMenu.Item(TrayMenu.MUTE, "Mute alert sounds", true, false));
    }

    @Test
    void theMuteItemStartsCheckedWhenSoundsAreAlreadyMuted() {
        muted.set(true);
        menu.bindMute(muted);
        assertThat(menu.items().getFirst().checked()).isTrue();
        assertThat(menu.tooltip()).isEqualTo("OpsDeck (sounds muted)");
    }

    @Test
    void choosingTheMuteItemMutesTheConsoleOnTheFxThread() {
        menu.bindMute(muted);
        menu.select(TrayMenu.MUTE, true);
        assertThat(muted.get()).as("nothing changes until the FX thread runs it").isFalse();

        fxQueue.forEach(Runnable::run);

        assertThat(muted.get()).isTrue();
        assertThat(menu.items().getFirst().checked()).isTrue();
        menu.select(TrayMenu.MUTE, false);
        fxQueue.getLast().run();
        assertThat(muted.get()).isFalse();
    }

    @Test
    void mutingElsewhereChecksTheItemAndRedrawsTheTray() {
        AtomicInteger redraws = new AtomicInteger();
        menu.bindMute(muted);
        menu.onChange(redraws::incrementAndGet);

        muted.set(true);    // Ctrl+M or the Settings check box

        assertThat(redraws).hasValue(1);
        assertThat(menu.items().getFirst().checked()).isTrue();
        assertThat(menu.tooltip()).endsWith("(sounds muted)");
        muted.set(false);
        assertThat(menu.tooltip()).isEqualTo("OpsDeck");
    }

    @Test
    void theTooltipCarriesTheCountsAndTheMutedNote() {
        menu.bindMute(muted);
        menu.counts(Map.of(Severity.CRITICAL, 2, Severity.INFO, 1));
        String counts = messages.format("tray.counts", 2, 0, 1);
        assertThat(counts).contains("2 critical, 0 warning, 1 info");
        assertThat(menu.tooltip()).isEqualTo(counts);
        muted.set(true);
        assertThat(menu.tooltip()).isEqualTo(counts + " (sounds muted)");
    }

    @Test
    void theColourFollowsTheWorstSeverityWithAlerts() {
        assertThat(menu.level()).isEqualTo(TrayMenu.Level.UNKNOWN);
        menu.counts(Map.of(Severity.INFO, 3));
        assertThat(menu.level()).isEqualTo(TrayMenu.Level.CLEAR);
        menu.counts(Map.of(Severity.WARNING, 1, Severity.INFO, 3));
        assertThat(menu.level()).isEqualTo(TrayMenu.Level.WARNING);
        menu.counts(Map.of(Severity.CRITICAL, 1, Severity.WARNING, 1));
        assertThat(menu.level()).isEqualTo(TrayMenu.Level.CRITICAL);
    }

    @Test
    void anUnknownItemOrOneChosenBeforeBindingDoesNothing() {
        menu.select(TrayMenu.MUTE, true);
        menu.bindMute(muted);
        menu.select("quit", true);
        assertThat(fxQueue).isEmpty();
        assertThat(muted.get()).isFalse();
    }
}
