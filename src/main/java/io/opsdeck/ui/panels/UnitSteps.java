package io.opsdeck.ui.panels;

import java.util.Map;
import java.util.Set;

/**
 * Value-axis steps natural to the axis unit: powers of two for IEC data units (256 MiB, 512 MiB, 1 GiB, as Grafana's
 * time series does for them), 1, 2, 5, 10, 15, 30 of a second or minute and 1, 2, 3, 6, 12 hours for durations, and
 * {@link AxisTicks#niceStep} (1, 2, 5 x 10^n) for everything else.
 *
 * <pre>{@code
 * UnitSteps.valueStep("bytes", 2.2 * (1 << 30), 5, 2.2 * (1 << 30));   // 536870912.0 (512 MiB)
 * UnitSteps.valueStep("s", 250, 5, 250);                               // 60.0 (1 min, not 50 s)
 * }</pre>
 */
public final class UnitSteps {

    /** Grafana's IEC_UNITS (time series utils): these axes get power-of-two steps. */
    private static final Set<String> IEC_UNITS = Set.of("bytes", "bits", "kbytes", "mbytes", "gbytes", "tbytes",
            "pbytes", "binBps", "binbps", "KiBs", "Kibits", "MiBs", "Mibits", "GiBs", "Gibits", "TiBs", "Tibits",
            "PiBs", "Pibits");
    /** IEC units without a prefix: nothing smaller than one bit or byte to step by. */
    private static final Set<String> BASE_IEC_UNITS = Set.of("bytes", "bits", "binBps", "binbps");
    /** Duration units and the seconds in one of their values. */
    private static final Map<String, Double> DURATION_SECONDS = Map.ofEntries(Map.entry("ns", 1e-9),
            Map.entry("µs", 1e-6), Map.entry("ms", 1e-3), Map.entry("s", 1.0), Map.entry("m", 60.0),
            Map.entry("h", 3600.0), Map.entry("d", 86400.0), Map.entry("dtdurationms", 1e-3),
            Map.entry("dtdurations", 1.0), Map.entry("dthms", 1.0));
    /** Steps natural to durations, in seconds: 1, 2, 5, 10, 15, 30 s and min, 1, 2, 3, 6, 12 h, 1, 2 days, weeks. */
    private static final double[] DURATION_STEPS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200,
        10800, 21600, 43200, 86400, 172800, 604800};
    private static final double WEEK = 604_800;
    /** Where Grafana's "dt" durations switch to the next named unit ("59 seconds", "1 minute", ... "1 year"). */
    private static final double[] SPELLED_UNITS = {31_536_000, 2_629_744, WEEK, 86_400, 3600, 60, 1};

    private UnitSteps() {
    }

    /**
     * The tick step for a value axis in {@code unit}: the smallest step natural to the unit giving at most
     * {@code maxTicks} ticks over {@code span}. IEC data units step by powers of two (from one byte or bit up; a
     * prefixed unit such as {@code gbytes} also by its halves, quarters...), durations by whole seconds, minutes,
     * hours, days or weeks from one second up (spelled-out durations, which print only their leading unit, never
     * step below the unit of their largest tick, so no two ticks read alike); anything else, and durations below a
     * second, step by 1, 2 or 5 x 10^n.
     *
     * @param maxAbs the largest absolute value on the axis (for spelled-out durations)
     */
    public static double valueStep(String unit, double span, int maxTicks, double maxAbs) {
        double decimal = AxisTicks.niceStep(span, maxTicks);
        if (unit == null || !(span > 0) || Double.isInfinite(span)) {
            return decimal;
        }
        double raw = span / Math.max(1, maxTicks);
        if (IEC_UNITS.contains(unit)) {
            // Grafana's power-of-two steps start at 1: no "0.5 B" tick. A prefixed unit (gbytes, MiBs) may step
            // by its halves, quarters... (0.5 GiB is still a whole 512 MiB)
            double pow2 = Math.pow(2, Math.ceil(Math.log(raw) / Math.log(2) - 1e-9));
            return BASE_IEC_UNITS.contains(unit) ? Math.max(1, pow2) : Math.max(Math.pow(2, -10), pow2);
        }
        Double perValue = DURATION_SECONDS.get(unit);
        if (perValue == null) {
            return decimal;
        }
        double spelled = unit.startsWith("dtduration") ? spelledUnit(maxAbs * perValue) : 0;
        double seconds = Math.max(raw * perValue, spelled);
        return seconds <= 1 ? Math.max(decimal, seconds / perValue) : durationStep(seconds) / perValue;
    }

    /** The smallest natural duration step of at least {@code seconds} (above a week: 1, 2, 5 x 10^n weeks). */
    private static double durationStep(double seconds) {
        for (double s : DURATION_STEPS) {
            if (s >= seconds * (1 - 1e-9)) {
                return s;
            }
        }
        return WEEK * AxisTicks.niceStep(seconds / WEEK, 1);
    }

    /** The named unit Grafana's duration format leads with for a value of {@code seconds}. */
    private static double spelledUnit(double seconds) {
        for (double u : SPELLED_UNITS) {
            if (seconds >= u) {
                return u;
            }
        }
        return 0;
    }
}
