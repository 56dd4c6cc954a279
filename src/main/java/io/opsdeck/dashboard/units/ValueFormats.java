package io.opsdeck.dashboard.units;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Grafana's value formats (packages/grafana-data valueFormats): the same unit ids, scaling and decimals, so a
 * dashboard imported from Grafana shows the same strings.
 *
 * <pre>{@code
 * ValueFormats.format("bytes", 1536, null).toString();      // "1.50 KiB"
 * ValueFormats.format("percentunit", 0.123, null).toString(); // "12.3%"
 * }</pre>
 * Unknown ids follow Grafana: {@code suffix:X}, {@code prefix:X}, {@code si:X}, {@code count:X} are understood,
 * anything else is shown as a custom suffix.
 */
public final class ValueFormats {

    /** Formats a value with optional fixed decimals (null for Grafana's automatic decimals). */
    @FunctionalInterface
    public interface Formatter {
        FormattedValue format(double value, Integer decimals);
    }

    private static final String[] SI = {"f", "p", "n", "µ", "m", "", "k", "M", "G", "T", "P", "E", "Z", "Y"};
    private static final int SI_BASE = 5;
    private static final String[] BIN = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"};
    private static final Map<String, Formatter> FORMATS = new HashMap<>();

    static {
        FORMATS.put("none", fixedUnit(""));
        FORMATS.put("short", scaled(1000, new String[]{"", " K", " Mil", " Bil", " Tri", " Quadr", " Quint", " Sext",
                " Sept"}, 0));
        FORMATS.put("percent", (v, d) -> FormattedValue.of(Decimals.toFixed(v, d), "%"));
        FORMATS.put("percentunit", (v, d) -> FormattedValue.of(Decimals.toFixed(100 * v, d), "%"));
        FORMATS.put("humidity", fixedUnit("%H"));
        FORMATS.put("dB", fixedUnit("dB"));
        FORMATS.put("sci", (v, d) -> FormattedValue.of(scientific(v, d), ""));
        // data
        FORMATS.put("bits", binary("b", 0));
        FORMATS.put("bytes", binary("B", 0));
        FORMATS.put("kbytes", binary("B", 1));
        FORMATS.put("mbytes", binary("B", 2));
        FORMATS.put("gbytes", binary("B", 3));
        FORMATS.put("tbytes", binary("B", 4));
        FORMATS.put("pbytes", binary("B", 5));
        FORMATS.put("decbits", si("b", 0));
        FORMATS.put("decbytes", si("B", 0));
        FORMATS.put("deckbytes", si("B", 1));
        FORMATS.put("decmbytes", si("B", 2));
        FORMATS.put("decgbytes", si("B", 3));
        FORMATS.put("dectbytes", si("B", 4));
        FORMATS.put("decpbytes", si("B", 5));
        // data rate
        FORMATS.put("pps", si("p/s", 0));
        FORMATS.put("binbps", binary("b/s", 0));
        FORMATS.put("bps", si("b/s", 0));
        FORMATS.put("binBps", binary("B/s", 0));
        FORMATS.put("Bps", si("B/s", 0));
        // Grafana's prefixed rates: KiBs/Kibits (IEC) and KBs/Kbits (SI) up to peta
        String[] prefixes = {"K", "M", "G", "T", "P"};
        for (int i = 0; i < prefixes.length; i++) {
            FORMATS.put(prefixes[i] + "iBs", binary("B/s", i + 1));
            FORMATS.put(prefixes[i] + "ibits", binary("b/s", i + 1));
            FORMATS.put(prefixes[i] + "Bs", si("B/s", i + 1));
            FORMATS.put(prefixes[i] + "bits", si("b/s", i + 1));
        }
        // throughput
        FORMATS.put("cps", count("c/s"));
        FORMATS.put("ops", count("ops/s"));
        FORMATS.put("reqps", count("req/s"));
        FORMATS.put("rps", count("rd/s"));
        FORMATS.put("wps", count("wr/s"));
        FORMATS.put("iops", count("io/s"));
        FORMATS.put("eps", count("evt/s"));
        FORMATS.put("mps", count("msg/s"));
        FORMATS.put("opm", count("ops/min"));
        FORMATS.put("rpm", count("rd/min"));
        // time
        FORMATS.put("ns", TimeFormats::nanoseconds);
        FORMATS.put("µs", TimeFormats::microseconds);
        FORMATS.put("ms", TimeFormats::milliseconds);
        FORMATS.put("s", TimeFormats::seconds);
        FORMATS.put("m", TimeFormats::minutes);
        FORMATS.put("h", TimeFormats::hours);
        FORMATS.put("d", TimeFormats::days);
        FORMATS.put("dtdurationms", (v, d) -> TimeFormats.duration(v, d, 0.001));
        FORMATS.put("dtdurations", (v, d) -> TimeFormats.duration(v, d, 1));
        FORMATS.put("dthms", (v, d) -> FormattedValue.of(TimeFormats.hms(v), ""));
        FORMATS.put("hertz", si("Hz", 0));
        FORMATS.put("rotrpm", fixedUnit("rpm"));
        FORMATS.put("rothz", si("Hz", 0));
        // energy, temperature
        FORMATS.put("watt", si("W", 0));
        FORMATS.put("kwatt", si("W", 1));
        FORMATS.put("voltamp", si("VA", 0));
        FORMATS.put("volt", si("V", 0));
        FORMATS.put("amp", si("A", 0));
        FORMATS.put("joule", si("J", 0));
        FORMATS.put("watth", si("Wh", 0));
        FORMATS.put("kwatth", si("Wh", 1));
        FORMATS.put("celsius", fixedUnit("°C"));
        FORMATS.put("fahrenheit", fixedUnit("°F"));
        FORMATS.put("kelvin", fixedUnit("K"));
        // boolean
        FORMATS.put("bool", bool("True", "False"));
        FORMATS.put("bool_yes_no", bool("Yes", "No"));
        FORMATS.put("bool_on_off", bool("On", "Off"));
        // currency (a few)
        FORMATS.put("currencyUSD", currency("$"));
        FORMATS.put("currencyEUR", currency("€"));
    }

    private ValueFormats() {
    }

    /** Ids with a built-in formatter. */
    public static Set<String> knownUnits() {
        return Set.copyOf(FORMATS.keySet());
    }

    /** True when {@code unit} is built in or one of Grafana's prefixed custom forms. */
    public static boolean isKnown(String unit) {
        return unit == null || unit.isEmpty() || FORMATS.containsKey(unit) || unit.matches("(suffix|prefix|si|count):.*");
    }

    /** The formatter for a unit id; empty or null means "none". */
    public static Formatter formatter(String unit) {
        if (unit == null || unit.isEmpty()) {
            return FORMATS.get("none");
        }
        Formatter f = FORMATS.get(unit);
        if (f != null) {
            return f;
        }
        int colon = unit.indexOf(':');
        if (colon > 0) {
            String arg = unit.substring(colon + 1);
            switch (unit.substring(0, colon)) {
                case "suffix":
                    return (v, d) -> FormattedValue.of(Decimals.toFixed(v, d), arg);
                case "prefix":
                    return (v, d) -> new FormattedValue(arg, Decimals.toFixed(v, d), "");
                case "si":
                    return si(arg, 0);
                case "count":
                    return count(arg);
                default:
                    break;
            }
        }
        return fixedUnit(unit);
    }

    /** Formats {@code value} in {@code unit}; {@code decimals} null means automatic. */
    public static FormattedValue format(String unit, double value, Integer decimals) {
        return formatter(unit).format(value, decimals);
    }

    static Formatter fixedUnit(String unit) {
        return (v, d) -> FormattedValue.of(Decimals.toFixed(v, d), unit.isEmpty() ? "" : " " + unit);
    }

    /** Grafana's scaledUnits: picks the suffix by log base {@code factor}. */
    static Formatter scaled(double factor, String[] units, int offset) {
        return (v, d) -> {
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                return FormattedValue.of(Decimals.toFixed(v, d), "");
            }
            int idx = v == 0 ? 0 : (int) Math.floor(Math.log(Math.abs(v)) / Math.log(factor));
            String suffix = units[clamp(offset + idx, 0, units.length - 1)];
            double scaledBy = Math.pow(factor, clamp(idx, -offset, units.length - offset - 1));
            return FormattedValue.of(Decimals.toFixed(v / scaledBy, d), suffix);
        };
    }

    static Formatter si(String unit, int offset) {
        String[] units = new String[SI.length];
        for (int i = 0; i < SI.length; i++) {
            units[i] = " " + SI[i] + unit;
        }
        return scaled(1000, units, SI_BASE + offset);
    }

    static Formatter binary(String unit, int offset) {
        String[] units = new String[BIN.length - offset];
        for (int i = offset; i < BIN.length; i++) {
            units[i - offset] = " " + BIN[i] + unit;
        }
        return scaled(1024, units, 0);
    }

    static Formatter count(String symbol) {
        Formatter scaler = scaled(1000, new String[]{"", "K", "M", "B", "T"}, 0);
        return (v, d) -> {
            FormattedValue f = scaler.format(v, d);
            return new FormattedValue(f.prefix(), f.text(), f.suffix() + " " + symbol);
        };
    }

    static Formatter bool(String yes, String no) {
        return (v, d) -> FormattedValue.of(v != 0 && !Double.isNaN(v) ? yes : no, "");
    }

    static Formatter currency(String symbol) {
        Formatter scaler = scaled(1000, new String[]{"", "K", "M", "B", "T"}, 0);
        return (v, d) -> {
            FormattedValue f = scaler.format(Math.abs(v), d);
            return new FormattedValue((v < 0 ? "-" : "") + symbol, f.text(), f.suffix());
        };
    }

    private static String scientific(double v, Integer d) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return Decimals.toFixed(v, d);
        }
        int exp = (int) Math.floor(Math.log10(Math.abs(v)));
        return Decimals.toFixed(v / Math.pow(10, exp), d) + "e" + exp;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
