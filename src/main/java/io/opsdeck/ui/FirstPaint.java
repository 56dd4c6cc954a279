package io.opsdeck.ui;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Scene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures start-up: completes with the time from JVM start to the first pulse in which a dashboard's panels are
 * laid out in the scene (they are drawn in that same pulse; their data may still be loading), or the error the
 * dashboard shows instead of its panels (e.g. its variables cannot be resolved because Prometheus refuses
 * connections): either is the first dashboard the operator sees. Logs one line,
 * "first dashboard painted after N ms since JVM start (M ms CPU), FX thread F ms CPU", which the start-up
 * benchmark reads.
 *
 * <pre>{@code
 * FirstPaint.watch(scene, Duration.ofMinutes(1)).thenAccept(ms -> ...);
 * }</pre>
 */
public final class FirstPaint {

    private static final Logger LOG = LoggerFactory.getLogger(FirstPaint.class);
    /** Style class of a dashboard panel's frame, in the main window and on the wall. */
    static final String PANEL = ".dashboard-panel";
    /** Style class of the error a dashboard shows in place of its panels. */
    static final String DASHBOARD_ERROR = ".dashboard-error";

    private FirstPaint() {
    }

    /** Watches {@code scene} on the FX thread; gives up (never completes) after {@code limit} without a dashboard. */
    public static CompletableFuture<Long> watch(Scene scene, Duration limit) {
        CompletableFuture<Long> painted = new CompletableFuture<>();
        long started = System.nanoTime();
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            boolean panels = scene.getRoot() != null && scene.getRoot().lookup(PANEL) != null;
            if (panels || scene.getRoot() != null && scene.getRoot().lookup(DASHBOARD_ERROR) != null) {
                scene.removePostLayoutPulseListener(listener[0]);
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                // CPU time too: on a shared machine it says more about our work than the wall clock does
                long cpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                        ? os.getProcessCpuTime() / 1_000_000 : -1;
                // and the FX thread's own share: the part that work moved to other threads or after the paint shrinks
                long fx = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
                LOG.info("first dashboard painted after {} ms since JVM start ({} ms CPU), FX thread {} ms CPU{}", ms, cpu,
                        fx, panels ? "" : ", showing its error instead of panels");
                painted.complete(ms);
            } else if (System.nanoTime() - started > limit.toNanos()) {
                scene.removePostLayoutPulseListener(listener[0]); // no dashboard (placeholder, no sources): stop looking
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
        return painted;
    }
}
