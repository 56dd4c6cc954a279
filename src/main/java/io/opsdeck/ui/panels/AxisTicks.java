package io.opsdeck.ui.panels;

import io.opsdeck.dashboard.FieldDefaults;
import io.opsdeck.dashboard.frame.FieldDisplay;
import io.opsdeck.dashboard.units.FormattedValue;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * Axis labels and "nice" ticks: value labels in the axis unit, 1, 2, 5 x 10^n value steps ({@link UnitSteps} picks
 * the unit's own), time steps of whole seconds, minutes, hours, days.
 */
public final class AxisTicks {

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
