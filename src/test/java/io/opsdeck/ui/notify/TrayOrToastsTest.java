package io.opsdeck.ui.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.console.ActiveAlert;
import io.opsdeck.console.Severity;
import io.opsdeck.ui.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The tray is looked for after start-up; without one the console says so once and keeps using toasts. */
class TrayOrToastsTest {

    private static final Executor NOW = Runnable::run;
    private final Recorder toasts = new Recorder();
    private final Recorder tray = new Recorder();
    private final AtomicInteger notices = new AtomicInteger();
    private final TrayOrToasts notifier = new TrayOrToasts(toasts, notices::incrementAndGet);
    private final ActiveAlert alert = Fixtures.alert("a1", Severity.CRITICAL, "db-1", Instant.parse("2026-11-22T03:00:00Z"));

    @Test
    void withoutATrayItSaysSoOnceAndToastsCarryOn() {
        notifier.connect(Optional::empty, NOW, NOW);
        notifier.notify(alert);
        notifier.notify(alert);
        notifier.counts(Map.of(Severity.CRITICAL, 1));

        assertThat(notices).hasValue(1);
        assertThat(toasts.alerts).hasSize(2);
        assertThat(notifier.current()).isSameAs(toasts);
    }

    @Test
    void aTrayFoundAfterStartTakesOverWithTheLatestCounts() {
        notifier.counts(Map.of(Severity.CRITICAL, 2));
        notifier.notify(alert);
        List<Runnable> background = new ArrayList<>();
        notifier.connect(() -> Optional.of(tray), background::add, NOW);
        assertThat(notifier.current()).as("still toasts while the tray is looked for").isSameAs(toasts);

        background.forEach(Runnable::run);
        notifier.notify(alert);

        assertThat(notices).hasValue(0);
        assertThat(tray.counts).containsExactly(Map.of(Severity.CRITICAL, 2));
        assertThat(tray.alerts).hasSize(1);
        assertThat(toasts.alerts).hasSize(1);
    }

    @Test
    void closingBeforeTheTrayArrivesRemovesTheTrayIconToo() {
        List<Runnable> background = new ArrayList<>();
        notifier.connect(() -> Optional.of(tray), background::add, NOW);
        notifier.close();
        background.forEach(Runnable::run);
        assertThat(tray.closed).isTrue();
        assertThat(toasts.closed).isTrue();
    }

    private static final class Recorder implements DesktopNotifier {
        final List<Map<Severity, Integer>> counts = new ArrayList<>();
        final List<ActiveAlert> alerts = new ArrayList<>();
        boolean closed;

        @Override
        public void counts(Map<Severity, Integer> c) {
            counts.add(c);
        }

        @Override
        public void notify(ActiveAlert a) {
            alerts.add(a);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
