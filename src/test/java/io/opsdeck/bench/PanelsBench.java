package io.opsdeck.bench;

import io.opsdeck.dashboard.FieldConfig;
import io.opsdeck.dashboard.GridPos;
import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.frame.Frame;
import io.opsdeck.dashboard.frame.Series;
import io.opsdeck.ui.panels.PanelContext;
import io.opsdeck.ui.panels.StatusGridPanel;
import io.opsdeck.ui.panels.TimeSeriesPanel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * Panel drawing speed, headless (Monocle, software pipeline). Not a JMH benchmark: the figures are FX-thread
 * wall times of real paints, which JMH cannot drive. Run as documented in docs/performance.md.
 */
public final class PanelsBench {

    private static final int SERIES = 50;
    private static final int POINTS = 11_000;

    public static void main(String[] args) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Frame frame = frame();
        Panel ts = new Panel(1, "timeseries", "bench", "", new GridPos(0, 0, 24, 12), null, List.of(),
                FieldConfig.EMPTY, Map.of(), List.of(), null, "", 0);
        long end = (POINTS - 1) * 1000L;
        TimeSeriesPanel panel = onFx(() -> {
            TimeSeriesPanel p = new TimeSeriesPanel(ts, PanelContext.standalone());
            Stage stage = new Stage();
            VBox root = new VBox(p.node());
            ((javafx.scene.layout.Region) p.node()).setPrefSize(1600, 400);
            stage.setScene(new Scene(root, 1600, 500));
            stage.show();
            p.setRange(0, end);
            return p;
        });
        // first paint: a new data set -> drawn on the canvas (ChartData + decimation + raster off the FX thread, then
        // axes + image on it), waited for by polling the chart every ms; 5 warm-ups, then 10 timed
        double[] first = new double[10];
        for (int i = -5; i < first.length; i++) {
            Frame fresh = copy(frame);
            long t0 = System.nanoTime();
            onFx(() -> {
                panel.setData(fresh);
                return null;
            });
            awaitIdle(panel);
            if (i >= 0) {
                first[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        long points = onFx(panel::pointsDrawn);
        // tail refresh: 15 samples dropped at the head, 15 appended (what TailMerge hands over), 10 timed
        double[] tail = new double[10];
        Frame current = frame;
        for (int i = 0; i < tail.length; i++) {
            Frame next = shifted(current, 15);
            current = next;
            long t0 = System.nanoTime();
            long shift = (i + 1) * 15_000L;
            onFx(() -> {
                panel.setRange(shift, end + shift);
                panel.setData(next);
                return null;
            });
            awaitIdle(panel);
            tail[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(tail);
        // pan/zoom: 200 range changes, each waited for until drawn
        long panStart = System.nanoTime();
        long panCpu = cpuNanos();
        for (int i = 0; i < 200; i++) {
            long span = end / 2 + (i % 20) * end / 50;
            long from = (i * 37L * 1000) % (end - span);
            onFx(() -> {
                panel.setRange(from, from + span);
                return null;
            });
            awaitIdle(panel);
        }
        double panMs = (System.nanoTime() - panStart) / 1e6;
        double panCpuMs = (cpuNanos() - panCpu) / 1e6;
        onFx(() -> {
            panel.setRange(0, end);
            return null;
        });
        awaitIdle(panel);
        // FX frame gaps: first 1.5 s with nothing happening (what the machine's load alone costs), then while 4
        // refreshes (each hands over a new 50 x 11,000 data set) happen 250 ms apart
        long[] idle = frameGaps(() -> Thread.sleep(1500));
        long[] g = frameGaps(() -> {
            for (int i = 0; i < 4; i++) {
                Thread.sleep(250);
                Frame fresh = copy(frame);
                Platform.runLater(() -> panel.setData(fresh));
            }
            Thread.sleep(500);
            awaitIdle(panel);
        });
        // status grid: 2,000 hosts
        Panel sg = new Panel(2, "statusgrid", "hosts", "", new GridPos(0, 0, 12, 12), null, List.of(),
                FieldConfig.EMPTY, Map.of(), List.of(), null, "", 0);
        List<Series> hosts = new ArrayList<>();
        Random r = new Random(1);
        for (int i = 0; i < 2000; i++) {
            hosts.add(new Series("host-" + i, Map.of("instance", "host-" + i), "A", new long[] {1},
                    new double[] {r.nextInt(50) == 0 ? 0 : 1}));
        }
        Frame hostFrame = new Frame(hosts);
        double[] grid = new double[50];
        StatusGridPanel gridPanel = onFx(() -> {
            StatusGridPanel p = new StatusGridPanel(sg, PanelContext.standalone());
            Stage stage = new Stage();
            p.setPrefSize(900, 380);
            stage.setScene(new Scene(new VBox(p), 900, 380));
            stage.show();
            return p;
        });
        for (int i = -10; i < grid.length; i++) {
            int k = i;
            double ms = onFx(() -> {
                long t0 = System.nanoTime();
                gridPanel.setData(hostFrame);
                return (System.nanoTime() - t0) / 1e6;
            });
            if (k >= 0) {
                grid[k] = ms;
            }
        }
        Arrays.sort(first);
        Arrays.sort(grid);
        System.out.printf("first paint 50 x 11,000 (median of 10): %.1f ms (min %.1f, max %.1f), %d vertices drawn%n",
                first[5], first[0], first[9], points);
        System.out.printf("tail refresh (15 new samples per series, median of 10): %.1f ms (max %.1f)%n", tail[5],
                tail[9]);
        System.out.printf("pan/zoom: 200 range changes drawn in %.0f ms = %.1f fps; process CPU %.1f ms per frame%n",
                panMs, 200_000 / panMs, panCpuMs / 200);
        System.out.printf("frame gaps idle:             n=%d p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", idle.length,
                idle[idle.length / 2] / 1e6, idle[(int) (idle.length * 0.95)] / 1e6, idle[idle.length - 1] / 1e6);
        System.out.printf("frame gaps during refreshes: n=%d p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", g.length,
                g[g.length / 2] / 1e6, g[(int) (g.length * 0.95)] / 1e6, g[g.length - 1] / 1e6);
        System.out.printf("load average at the end: %.2f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("status grid 2,000 hosts repaint (median of 50): %.2f ms (p95 %.2f)%n", grid[25], grid[47]);
        Platform.exit();
    }

    /** Same samples in new arrays: a refresh that changed nothing still hands over new arrays. */
    private static Frame copy(Frame f) {
        return new Frame(f.series().stream().map(s -> new Series(s.name(), s.labels(), s.refId(),
                s.timestamps().clone(), s.values().clone())).toList());
    }

    /** Drops {@code n} samples at the head and appends {@code n} new ones, as a tail refresh does. */
    private static Frame shifted(Frame f, int n) {
        Random r = new Random(n);
        return new Frame(f.series().stream().map(s -> {
            long[] ts = Arrays.copyOfRange(s.timestamps(), n, s.timestamps().length + n);
            double[] v = Arrays.copyOfRange(s.values(), n, s.values().length + n);
            for (int i = ts.length - n; i < ts.length; i++) {
                ts[i] = ts[i - 1] + 1000;
                v[i] = v[i - 1] + r.nextGaussian();
            }
            return new Series(s.name(), s.labels(), s.refId(), ts, v);
        }).toList());
    }

    /** What the frame gaps of an AnimationTimer were while {@code during} ran, sorted, ns. */
    private static long[] frameGaps(Work during) throws Exception {
        List<Long> gaps = new ArrayList<>();
        long[] last = {0};
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (last[0] != 0) {
                    gaps.add(now - last[0]);
                }
                last[0] = now;
            }
        };
        onFx(() -> {
            timer.start();
            return null;
        });
        during.run();
        onFx(() -> {
            timer.stop();
            return null;
        });
        return gaps.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** CPU time of the whole process (all threads), ns: what a frame costs regardless of the machine's load. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void awaitIdle(TimeSeriesPanel p) throws Exception {
        while (!onFx(() -> p.chart().idle())) {
            Thread.sleep(1);
        }
    }

    private static Frame frame() {
        List<Series> out = new ArrayList<>();
        Random r = new Random(42);
        for (int s = 0; s < SERIES; s++) {
            long[] ts = new long[POINTS];
            double[] v = new double[POINTS];
            double x = 50;
            for (int i = 0; i < POINTS; i++) {
                ts[i] = i * 1000L;
                x += r.nextGaussian();
                v[i] = x;
            }
            out.add(new Series("series-" + s, Map.of("s", "" + s), "A", ts, v));
        }
        return new Frame(out);
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
        return f.get(120, TimeUnit.SECONDS);
    }
}
