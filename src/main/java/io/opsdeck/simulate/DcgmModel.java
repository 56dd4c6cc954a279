package io.opsdeck.simulate;

import static io.opsdeck.simulate.Out.meta;

import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;

/** NVIDIA DCGM exporter: utilisation, temperature, framebuffer and power of the host's two GPUs. */
final class DcgmModel implements ModuleModel {

    private static final double FB_TOTAL_MIB = 40_536;
    private static final MetricMetadata UTIL = meta("DCGM_FI_DEV_GPU_UTIL", "GPU utilization (in %).");
    private static final MetricMetadata TEMP = meta("DCGM_FI_DEV_GPU_TEMP", "GPU temperature (in C).");
    private static final MetricMetadata FB_USED = meta("DCGM_FI_DEV_FB_USED", "Framebuffer memory used (in MiB).");
    private static final MetricMetadata FB_FREE = meta("DCGM_FI_DEV_FB_FREE", "Framebuffer memory free (in MiB).");
    private static final MetricMetadata POWER = meta("DCGM_FI_DEV_POWER_USAGE", "Power draw (in W).");
    private static final MetricMetadata COPY = meta("DCGM_FI_DEV_MEM_COPY_UTIL", "Memory utilization (in %).");
    private static final MetricMetadata XID = meta("DCGM_FI_DEV_XID_ERRORS", "Value of the last XID error encountered.");

    private final Host h;
    private final Labels[] gpus = new Labels[2];

    DcgmModel(Host h) {
        this.h = h;
        for (int g = 0; g < gpus.length; g++) {
            String uuid = String.format("GPU-%08x-%04x-%04x-%04x-%012x", (int) Noise.mix(h.seed + g),
                    (int) (Noise.mix(h.seed + 10 + g) & 0xffff), (int) (Noise.mix(h.seed + 20 + g) & 0xffff),
                    (int) (Noise.mix(h.seed + 30 + g) & 0xffff), Noise.mix(h.seed + 40 + g) & 0xffffffffffffL);
            gpus[g] = Labels.of("gpu", Integer.toString(g), "UUID", uuid, "modelName", "NVIDIA A100-SXM4-40GB",
                    "Hostname", h.name);
        }
    }

    private boolean overheating(int gpu) {
        Fault f = h.fault(FaultKind.GPU_OVERHEATING);
        return f != null && (f.params().get("gpu").equals("all") || f.params().get("gpu").equals(Integer.toString(gpu)));
    }

    @Override
    public void step(double t, double dt) {
        // gauges only
    }

    @Override
    public void render(double t, Out out) {
        double[][] v = new double[gpus.length][];
        for (int g = 0; g < gpus.length; g++) {
            double util = Math.round(Noise.clamp(100 * (0.25 + 0.65 * h.load(t)) + 6 * h.noise(800 + g, t), 0, 100));
            boolean hot = overheating(g);
            double temp = Math.round(hot ? 93 + 2 * h.noise(810 + g, t) : 36 + 0.3 * util + 2 * h.noise(810 + g, t));
            double fbUsed = Math.round(12_000 + 20_000 * h.load(t) + 500 * h.noise(820 + g, t));
            double power = 60 + 3.1 * util + (hot ? 70 : 0) + 5 * h.noise(830 + g, t);
            v[g] = new double[] {util, temp, fbUsed, FB_TOTAL_MIB - fbUsed, power, Math.round(util * 0.45), 0};
        }
        MetricMetadata[] families = {UTIL, TEMP, FB_USED, FB_FREE, POWER, COPY, XID};
        for (int k = 0; k < families.length; k++) {
            out.gauge(families[k]);
            for (int g = 0; g < gpus.length; g++) {
                out.point(gpus[g], v[g][k]);
            }
        }
    }
}
