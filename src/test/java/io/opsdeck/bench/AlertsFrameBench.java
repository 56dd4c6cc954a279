package io.opsdeck.bench;

import io.opsdeck.alertmanager.Alert;
import io.opsdeck.alertmanager.AlertState;
import io.opsdeck.alertmanager.AlertStatus;
import io.opsdeck.alertmanager.AlertmanagerClient;
import io.opsdeck.alertmanager.AlertmanagerFleet;
import io.opsdeck.alertmanager.FleetSnapshot;
import io.opsdeck.alertmanager.MergedAlert;
import io.opsdeck.alertmanager.PostableAlert;
import io.opsdeck.alerts.AlertWorkspace;
import io.opsdeck.alerts.WorkspaceSnapshot;
import io.opsdeck.ui.alerts.AlertsServices;
import io.opsdeck.ui.alerts.AlertsView;
import io.opsdeck.ui.alerts.AlertsViewModel;
import io.opsdeck.ui.common.FxUiExecutor;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.TaskRunner;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import io.opsdeck.ui.theme.ThemeChoice;
import io.opsdeck.ui.theme.ThemeManager;

/**
 * JavaFX frame gaps of the real Alerts view (headless, Monocle, software pipeline) while 100,000 rows load (a refresh
 * result applied) and while the filter keystroke sequence is typed at 40 ms per key, then while j (a key event on the
 * list, 20 ms apart) moves 200 rows.
 * An AnimationTimer stamps every pulse; a gap over 50 ms is a stall the operator sees. Not JMH: these are FX-thread
 * wall times. Rows are built in memory (as {@code AlertsFilterBench}) so only the UI is measured.
 * Args: [alerts] [mode]: {@code alone} (the view is the JVM's first scene, JavaFX's default theme: the fifth and
 * sixth passes), {@code cold} (the console's theme; a stand-in dashboard painted first, then the view opened in its
 * place 3 s later), {@code console} (default: as cold, with the warm-up the console starts after its first paint).
 */
public final class AlertsFrameBench {

    /**
     * Got here, on the main thread: asked first on the FX thread (the timer's first pulse), it loaded the management
     * classes there, 60 of them, while the main thread did the same, inside the view's first frame.
     */
    private static final com.sun.management.ThreadMXBean MX =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    private static final List<Long> GAPS = new CopyOnWriteArrayList<>();
    /** Each gap over 50 ms: its length and the wall-clock time (epoch ms) of the pulse that ended it, for JFR. */
    private static final List<long[]> STALLS = new CopyOnWriteArrayList<>();
    /**
     * The FX thread's CPU time between two pulses (the pulse's CSS, layout and drawing plus the tasks run before the
     * next): unlike the wall-clock gap it does not grow while the thread waits for a core on a loaded machine.
     */
    private static final List<Long> BUSY = new CopyOnWriteArrayList<>();

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String mode = args.length > 1 ? args[1] : "console";
        if (!List.of("alone", "cold", "console").contains(mode)) {
            throw new IllegalArgumentException("mode: alone, cold or console, not " + mode);
        }
        if (!mode.equals("alone")) { // as the console's Main does; -Dopsdeck.jitNice=0 leaves the JIT alone
            io.opsdeck.util.JitPriority.lowerInBackground();
            System.out.println("JIT compiler threads at nice " + Integer.getInteger(io.opsdeck.util.JitPriority.PROPERTY, 19));
        }
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        WorkspaceSnapshot snap = snapshot(count);
        ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
        // A fleet that is never asked: the view is deactivated before the in-memory snapshot is applied.
        AlertmanagerClient nowhere = AlertmanagerClient.builder(URI.create("http://127.0.0.1:9")).name("none").build();
        AlertmanagerFleet fleet = AlertmanagerFleet.builder().add("eu", nowhere).build();
        AlertsServices services = AlertsServices.of(fleet, "bench", Clock.systemUTC());
        AnimationTimer timer = new AnimationTimer() {
            private long last;
            private long lastCpu;

            @Override
            public void handle(long now) {
                long cpu = MX.getCurrentThreadCpuTime();
                if (last != 0) {
                    GAPS.add(now - last);
                    BUSY.add(cpu - lastCpu);
                    if (now - last > 50_000_000L) {
                        STALLS.add(new long[] {now - last, System.currentTimeMillis(), cpu - lastCpu});
                    }
                }
                last = now;
                lastCpu = cpu;
            }
        };
        AlertsViewModel vm = onFx(() -> new AlertsViewModel(services, new TaskRunner(background, new FxUiExecutor()),
                Messages.english()));
        System.out.println("mode " + mode + " (alone: the view is the JVM's first scene, JavaFX's default theme; cold: the"
                + " console's theme, a stand-in dashboard painted first, the view opened 3 s later; console: as cold, with"
                + " the warm-up the console starts after its first paint)");
        AlertsView[] made = new AlertsView[1];
        java.util.function.Supplier<AlertsView> views = () -> {
            if (made[0] == null) {
                made[0] = new AlertsView(vm, Messages.english(), d -> { });
            }
            return made[0];
        };
        BorderPane shell = new BorderPane();
        onFx(() -> {
            Stage stage = new Stage();
            if (mode.equals("alone")) {
                stage.setScene(new Scene(views.get(), 1440, 900));
            } else {
                // as ConsoleApp: the console's theme and stylesheets, a first dashboard painted before Alerts is opened
                ThemeManager themes = new ThemeManager(ThemeChoice.LIGHT);
                StandInDashboard.fill(shell);
                Scene scene = new Scene(shell, 1440, 900);
                themes.manage(scene);
                stage.setScene(scene);
            }
            stage.show();
            timer.start();
            return null;
        });
        if (!mode.equals("alone")) {
            phaseStart();
            Thread.sleep(500);
            if (mode.equals("console")) {
                onFx(() -> {
                    try {
                        io.opsdeck.ui.alerts.AlertsWarmUp.start(views, (javafx.scene.layout.Pane) shell.getCenter());
                    } catch (LinkageError older) {
                        System.out.println("(no AlertsWarmUp in these classes: opened cold)");
                    }
                    return null;
                });
            }
            Thread.sleep(2500);
            report("stand-in dashboard shown, 3 s" + (mode.equals("console") ? " (the Alerts warm-up from 0.5 s)" : ""));
            phaseStart();
            // the operator opens Alerts: the shell puts the view in its content area
            onFx(() -> {
                // as ShellView.show: a view already in the content area (warmed up) stays, the rest goes
                javafx.scene.layout.Pane content = (javafx.scene.layout.Pane) shell.getCenter();
                AlertsView v = views.get();
                if (v.getParent() == content) {
                    content.getChildren().retainAll(List.of(v));
                } else {
                    content.getChildren().setAll(v);
                }
                return null;
            });
        } else {
            phaseStart();
        }
        AlertsView view = onFx(() -> {
            vm.deactivate();
            return views.get();
        });
        // the view shown and still empty, as while the first refresh is fetched (the list prepares its cells)
        Thread.sleep(1000);
        report("shown, empty, 1 s");
        for (int round = 1; round <= 2; round++) {
            phaseStart();
            // as a refresh does in the background before applying
            WorkspaceSnapshot fresh = AlertsViewModel.warmed(round == 1 ? snap : rebuilt(snap));
            Object before = onFx(() -> listItems(view));
            long fx = timed(() -> vm.apply(fresh));
            // the view is computed in the background: on a loaded machine it can take longer than the phase, and the
            // first layout would fall into the typing phase; wait for the list to show it, then for its layout
            long waited = System.nanoTime();
            while (onFx(() -> listItems(view)) == before && System.nanoTime() - waited < 120_000_000_000L) {
                Thread.sleep(20);
            }
            Thread.sleep(1500);
            report("round " + round + ": load " + fresh.rows().size() + " rows (refresh applied; FX thread busy "
                    + fx / 1_000_000 + " ms)");

            phaseStart();
            long busy = 0;
            long worst = 0;
            KeyLatency latency = onFx(() -> new KeyLatency(vm));
            for (String text : Keystrokes.sequence()) {
                long t = timed(() -> {
                    latency.sent(text);
                    vm.filterTextProperty().set(text);
                });
                busy += t;
                worst = Math.max(worst, t);
                Thread.sleep(40);
            }
            Thread.sleep(500);
            onFx(latency::stop);
            report("round " + round + ": " + Keystrokes.sequence().size() + " filter keystrokes, 40 ms apart (FX time per key: mean "
                    + String.format("%.1f", busy / 1e6 / Keystrokes.sequence().size()) + " ms, max " + worst / 1_000_000 + " ms)");
            System.out.println("round " + round + ": keystroke to list updated: " + latency);

            Node list = onFx(() -> {
                vm.filterTextProperty().set("");
                // the flat list; older builds (a tree) for A/B runs against them
                Node l = view.lookup("#alerts-list") != null ? view.lookup("#alerts-list") : view.lookup("#alerts-tree");
                l.requestFocus();
                return l;
            });
            Thread.sleep(500);
            phaseStart();
            for (int i = 0; i < 200; i++) {
                // the key itself, as the operator presses it: the view's key handler moves the selection
                Platform.runLater(() -> Event.fireEvent(list, new KeyEvent(KeyEvent.KEY_PRESSED, "j", "j", KeyCode.J,
                        false, false, false, false)));
                Thread.sleep(20);
            }
            Thread.sleep(500);
            report("round " + round + ": 200 x j (next row, detail pane follows)");
        }
        onFx(() -> {
            timer.stop();
            return null;
        });
        background.shutdownNow();
        fleet.close();
        Platform.exit();
    }

    /** The items list of the Alerts list (a new one per view shown). */
    private static Object listItems(AlertsView view) {
        Node l = view.lookup("#alerts-list") != null ? view.lookup("#alerts-list") : view.lookup("#alerts-tree");
        // the old tree keeps its root: no wait there
        return l instanceof javafx.scene.control.ListView<?> lv ? lv.getItems() : new Object();
    }

    /** A new snapshot object with the same rows, as the next refresh brings. */
    private static WorkspaceSnapshot rebuilt(WorkspaceSnapshot s) {
        List<MergedAlert> merged = s.rows().stream().map(r -> new MergedAlert(r.alert(), r.cluster(), r.sources())).toList();
        return AlertWorkspace.snapshotOf(new FleetSnapshot(merged, Map.of(), Instant.now()), null, List.of(), Duration.ofSeconds(30));
    }

    private static WorkspaceSnapshot snapshot(int count) {
        Instant now = Instant.now();
        List<PostableAlert> posted = AlertLoad.generate(count, 42, now, now.plus(Duration.ofHours(6)));
        List<MergedAlert> merged = new ArrayList<>(count);
        for (int i = 0; i < posted.size(); i++) {
            PostableAlert p = posted.get(i);
            Alert a = new Alert(String.format("%016x", i), p.labels(), p.annotations(), p.startsAt(), p.endsAt(), now,
                    p.generatorURL(), List.of("null"), new AlertStatus(AlertState.ACTIVE, List.of(), List.of()));
            merged.add(new MergedAlert(a, "eu", Set.of("am-0", "am-1")));
        }
        return AlertWorkspace.snapshotOf(new FleetSnapshot(merged, Map.of(), now), null, List.of(), Duration.ofSeconds(30));
    }

    private static long fxThread;
    private static long cpuAt;
    private static long fxAllocAt;
    private static long allocAt;
    private static long gcCountAt;
    private static long gcTimeAt;

    private static long[] gc() {
        long n = 0;
        long t = 0;
        for (var b : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            // G1's "concurrent" collectors count cycles that run beside the application, not pauses
            if (!b.getName().contains("Concurrent")) {
                n += Math.max(0, b.getCollectionCount());
                t += Math.max(0, b.getCollectionTime());
            }
        }
        return new long[] {n, t};
    }

    /** Starts a phase: frame gaps, and the FX thread's CPU time and allocation, counted from here. */
    private static void phaseStart() {
        GAPS.clear();
        STALLS.clear();
        BUSY.clear();
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        if (fxThread == 0) {
            try {
                fxThread = onFx(() -> Thread.currentThread().threadId());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        cpuAt = mx.getThreadCpuTime(fxThread);
        fxAllocAt = mx.getThreadAllocatedBytes(fxThread);
        allocAt = mx.getTotalThreadAllocatedBytes();
        long[] gc = gc();
        gcCountAt = gc[0];
        gcTimeAt = gc[1];
    }

    /** CPU time and allocation of the FX thread, and allocation of every thread, since {@link #phaseStart}. */
    private static String phaseCost() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long[] gc = gc();
        return String.format("FX thread CPU %d ms, FX allocated %d MB, all threads allocated %d MB, GC pauses %d (%d ms), at %.1f s",
                (mx.getThreadCpuTime(fxThread) - cpuAt) / 1_000_000, (mx.getThreadAllocatedBytes(fxThread) - fxAllocAt) >> 20,
                (mx.getTotalThreadAllocatedBytes() - allocAt) >> 20, gc[0] - gcCountAt, gc[1] - gcTimeAt,
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
    }

    private static void report(String what) {
        String cost = phaseCost();
        long[] g = GAPS.stream().mapToLong(Long::longValue).sorted().toArray();
        if (g.length == 0) {
            System.out.println(what + ": no frames");
            return;
        }
        long over = java.util.Arrays.stream(g).filter(x -> x > 50_000_000L).count();
        System.out.printf("%s: frames %d, gap p50 %.1f ms, p95 %.1f ms, max %.1f ms, gaps over 50 ms: %d (load average %s); %s%n",
                what, g.length, Timings.pct(g, 50) / 1e6, Timings.pct(g, 95) / 1e6, g[g.length - 1] / 1e6, over, load(), cost);
        long[] b = BUSY.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("  FX CPU between pulses: p95 %.1f ms, max %.1f ms, over 50 ms: %d, over 33 ms: %d%n", Timings.pct(b, 95) / 1e6,
                b.length == 0 ? 0 : b[b.length - 1] / 1e6, java.util.Arrays.stream(b).filter(x -> x > 50_000_000L).count(),
                java.util.Arrays.stream(b).filter(x -> x > 33_000_000L).count());
        // the phase's first frames (the view's first frame when it was just opened), gap / FX CPU
        StringBuilder first = new StringBuilder("  first frames (gap / FX CPU, ms):");
        for (int i = 0; i < Math.min(3, Math.min(GAPS.size(), BUSY.size())); i++) {
            first.append(String.format(" %.1f / %.1f;", GAPS.get(i) / 1e6, BUSY.get(i) / 1e6));
        }
        System.out.println(first);
        // when each stall ended (UTC, ms), to find it in a JFR recording or a GC log of the same run
        for (long[] s : STALLS) {
            System.out.printf("  stall %.1f ms (FX CPU %.1f ms) ended at %s%n", s[0] / 1e6, s[2] / 1e6, Instant.ofEpochMilli(s[1]));
        }
    }

    /** The 1-minute load average (Linux), or "?" elsewhere: wall-clock gaps mean little without it. */
    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    /** Runs on the FX thread and returns how long it kept the thread. */
    private static long timed(Runnable r) throws Exception {
        return onFx(() -> {
            long t0 = System.nanoTime();
            r.run();
            return System.nanoTime() - t0;
        });
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(300, TimeUnit.SECONDS);
    }
}
