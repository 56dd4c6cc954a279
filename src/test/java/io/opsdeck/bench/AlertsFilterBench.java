package io.opsdeck.bench;

import io.opsdeck.alertmanager.Alert;
import io.opsdeck.alertmanager.AlertState;
import io.opsdeck.alertmanager.AlertStatus;
import io.opsdeck.alertmanager.FleetSnapshot;
import io.opsdeck.alertmanager.MergedAlert;
import io.opsdeck.alertmanager.PostableAlert;
import io.opsdeck.alerts.AlertWorkspace;
import io.opsdeck.alerts.FilterState;
import io.opsdeck.alerts.Grouping;
import io.opsdeck.alerts.WorkspaceSnapshot;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The workspace's own share without any Alertmanager: builds N rows (two HA peers' worth merged) in memory from the
 * same synthetic alerts as {@link AlertsWorkspaceBench}, then times row building + grouping and the filter keystroke
 * sequence, and reads the heap. Args: [alerts=100000].
 */
public final class AlertsFilterBench {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Instant now = Instant.now();
        List<PostableAlert> posted = AlertLoad.generate(count, 42, now, now.plus(Duration.ofHours(6)));
        List<MergedAlert> merged = new ArrayList<>(count);
        for (int i = 0; i < posted.size(); i++) {
            PostableAlert p = posted.get(i);
            Alert a = new Alert(String.format("%016x", i), p.labels(), p.annotations(), p.startsAt(), p.endsAt(), now,
                    p.generatorURL(), List.of("null"), new AlertStatus(AlertState.ACTIVE, List.of(), List.of()));
            merged.add(new MergedAlert(a, "eu", Set.of("am-0", "am-1")));
        }
        posted = null;
        FleetSnapshot fleet = new FleetSnapshot(merged, Map.of(), now);
        merged = null;
        WorkspaceSnapshot snap = null;
        long[] build = new long[7];
        for (int i = 0; i < build.length; i++) {
            long a = System.nanoTime();
            snap = AlertWorkspace.snapshotOf(fleet, null, List.of(), Duration.ofSeconds(30));
            snap.view(FilterState.initial().applied(), Grouping.DEFAULT);
            build[i] = System.nanoTime() - a;
        }
        Arrays.sort(build);
        List<String> typed = Keystrokes.sequence();
        long[] keys = new long[typed.size() * 3];
        long[] cpu = new long[typed.size() * 3];
        var threads = ManagementFactory.getThreadMXBean();
        int k = 0;
        for (int pass = 0; pass < 4; pass++) {
            // a fresh snapshot per pass, as after a refresh: nothing remembered from the previous pass
            snap = AlertWorkspace.snapshotOf(fleet, null, List.of(), Duration.ofSeconds(30));
            FilterState state = FilterState.initial();
            for (String text : typed) {
                long c0 = threads.getCurrentThreadCpuTime();
                long a = System.nanoTime();
                state = state.edit(text);
                snap.view(state.applied(), Grouping.DEFAULT);
                if (pass > 0) {
                    cpu[k] = threads.getCurrentThreadCpuTime() - c0;
                    keys[k++] = System.nanoTime() - a;
                    if (System.getProperty("slow") != null && keys[k - 1] > 20_000_000) {
                        System.out.printf("slow %.1f ms: [%s]%n", keys[k - 1] / 1e6, text);
                    }
                }
            }
        }
        Arrays.sort(keys);
        Arrays.sort(cpu);
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("RESULT in-memory alerts=%,d%n", count);
        System.out.printf("rows + group (no fetch): median %.0f ms, min %.0f ms%n", build[3] / 1e6, build[0] / 1e6);
        System.out.printf("keystroke over %d keystrokes x 3: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", typed.size(),
                keys[keys.length / 2] / 1e6, keys[(int) Math.ceil(keys.length * 0.95) - 1] / 1e6,
                keys[keys.length - 1] / 1e6);
        System.out.printf("keystroke CPU time of the thread: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                cpu[cpu.length / 2] / 1e6, cpu[(int) Math.ceil(cpu.length * 0.95) - 1] / 1e6, cpu[cpu.length - 1] / 1e6);
        System.out.printf("heap used after GC, alerts and snapshot held: %.0f MB%n", heap / 1e6);
        System.out.println(snap + " " + fleet.alerts().size());
    }
}
