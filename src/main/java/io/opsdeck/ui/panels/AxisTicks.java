package io.opsdeck.ui.panels;

import io.opsdeck.dashboard.FieldDefaults;
import io.opsdeck.dashboard.frame.FieldDisplay;
import io.opsdeck.dashboard.units.FormattedValue;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Nice" tick positions for value axes and time axes (whole seconds, minutes, hours, days). Value steps follow the
 * axis unit: powers of two for IEC data units (256 MiB, 512 MiB, 1 GiB, as Grafana's time series does for them),
 * 1, 2, 5, 10, 15, 30 of a second, minute or hour for durations, 1, 2, 5 x 10^n for everything else.
 */
public final class AxisTicks {

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

    private static final long[] TIME_STEPS = {1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000,
        600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000,
        172_800_000, 604_800_000};
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter MD = DateTimeFormatter.ofPattern("MM/dd");
    private static final DateTimeFormatter MDHM = DateTimeFormatter.ofPattern("MM/dd HH:mm");

    private AxisTicks() {
    }

    /**
     * A value axis label: the unit's formatting, with trailing zeros dropped when the decimals are automatic, so one
     * axis reads "0 %, 0.5 %, 1 %, 1.5 %" and not "0 %, 0.500 %, 1 %, 1.50 %" (automatic decimals follow each value's
     * size, not the tick step). Fixed decimals ({@code decimals: 2}) are kept as asked.
     */
    public static String valueLabel(FieldDefaults f, double value) {
        FormattedValue v = FieldDisplay.format(f, value);
        return f.decimals() != null ? v.toString() : stripZeros(v);
    }

    private static String stripZeros(FormattedValue v) {
        if (!v.text().matches("-?\\d+\\.\\d+")) {
            return v.toString();
        }
        String text = v.text().replaceFirst("\\.?0+$", "");
        return new FormattedValue(v.prefix(), text.equals("-0") ? "0" : text, v.suffix()).toString();
    }

    /**
     * The labels of a value axis's ticks, bottom up: {@link #valueLabel} each, unless two neighbours would read
     * alike (a flat 96 % hit rate whose ticks are 0.0001 apart all read "96%"); then with the fewest decimals that
     * tell them apart, as Grafana's axis formats its ticks with the decimals of the tick increment.
     */
    public static List<String> labels(FieldDefaults f, double[] ticks) {
        List<String> auto = Arrays.stream(ticks).mapToObj(v -> valueLabel(f, v)).toList();
        for (int d = 0; d <= 12 && !distinctNeighbours(auto); d++) {
            FieldDefaults fixed = f.withDecimals(d);
            List<String> more = Arrays.stream(ticks).mapToObj(v -> stripZeros(FieldDisplay.format(fixed, v)))
                    .toList();
            if (distinctNeighbours(more)) {
                return more;
            }
        }
        return auto;
    }

    private static boolean distinctNeighbours(List<String> labels) {
        for (int i = 1; i < labels.size(); i++) {
            if (labels.get(i).equals(labels.get(i - 1))) {
                return false;
            }
        }
        return true;
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
        double decimal = niceStep(span, maxTicks);
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
        return WEEK * niceStep(seconds / WEEK, 1);
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

    /** A step of 1, 2 or 5 x 10^n giving at most {@code maxTicks} ticks over {@code span}. */
    public static double niceStep(double span, int maxTicks) {
        if (!(span > 0) || Double.isInfinite(span)) {
            return 1;
        }
        double raw = span / Math.max(1, maxTicks);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double norm = raw / mag;
        double nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10;
        return nice * mag;
    }

    /** The time step in ms giving at most {@code maxTicks} ticks over {@code spanMs}. */
    public static long timeStep(long spanMs, int maxTicks) {
        for (long s : TIME_STEPS) {
            if (spanMs / s <= maxTicks) {
                return s;
            }
        }
        return TIME_STEPS[TIME_STEPS.length - 1] * Math.max(1, spanMs / TIME_STEPS[TIME_STEPS.length - 1] / maxTicks);
    }

    /** Tick label for a time: seconds when the step is under a minute, the date when it is a day or more. */
    public static String timeLabel(long epochMs, long stepMs, long spanMs, ZoneId zone) {
        var t = Instant.ofEpochMilli(epochMs).atZone(zone);
        if (stepMs >= 86_400_000L) {
            return MD.format(t);
        }
        if (spanMs > 2 * 86_400_000L) {
            return MDHM.format(t);
        }
        return stepMs < 60_000 ? HMS.format(t) : HM.format(t);
    }

    /** First multiple of {@code step} at or after {@code from}, aligned to the zone's offset for time axes. */
    public static long firstTimeTick(long from, long step, ZoneId zone) {
        long offset = zone.getRules().getOffset(Instant.ofEpochMilli(from)).getTotalSeconds() * 1000L;
        long local = from + offset;
        long first = Math.floorDiv(local + step - 1, step) * step;
        return first - offset;
    }
}
