package io.opsdeck.dashboard.units;

import java.math.BigDecimal;

/** Grafana's toFixed and getDecimalsForValue, including JavaScript's number-to-string rules. */
final class Decimals {

    private Decimals() {
    }

    /** Decimals Grafana picks when none are configured: about two significant digits. */
    static int decimalsFor(double value) {
        double abs = Math.abs(value);
        int log10 = (int) Math.floor(Math.log(abs) / Math.log(10));
        int dec = -log10 + 1;
        double magn = Math.pow(10, -dec);
        double norm = abs / magn;
        if (norm > 2.25) {
            ++dec;
        }
        if (value % 1 == 0) {
            dec = 0;
        }
        return Math.max(0, dec);
    }

    /** Grafana's toFixed: rounds to {@code decimals} (auto when null) and pads with zeros. */
    static String toFixed(double value, Integer decimals) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        if (Double.isNaN(value)) {
            return "NaN";
        }
        int dec = decimals == null ? decimalsFor(value) : decimals;
        if (value == 0) {
            return jsToFixed(0, Math.max(0, dec));
        }
        double factor = dec != 0 ? Math.pow(10, Math.max(0, dec)) : 1;
        String formatted = jsString(jsRound(value * factor) / factor);
        if (formatted.contains("e")) {
            return formatted;
        }
        int pos = formatted.indexOf('.');
        int precision = pos == -1 ? 0 : formatted.length() - pos - 1;
        if (precision < dec) {
            String zeros = jsString(factor).substring(1);
            int need = dec - precision;
            return (precision != 0 ? formatted : formatted + ".") + zeros.substring(0, Math.min(need, zeros.length()));
        }
        return formatted;
    }

    private static double jsRound(double x) {
        return Math.abs(x) >= 0x1p52 ? x : Math.floor(x + 0.5);
    }

    private static String jsToFixed(double v, int dec) {
        return new BigDecimal(v).setScale(dec, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** JavaScript's String(number): shortest round-trip digits, exponent below 1e-6 and from 1e21. */
    static String jsString(double d) {
        if (d == 0) {
            return "0";
        }
        if (Double.isNaN(d)) {
            return "NaN";
        }
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        double abs = Math.abs(d);
        if (abs >= 1e21 || abs < 1e-6) {
            String digits = bd.unscaledValue().abs().toString();
            int exp = digits.length() - 1 - bd.scale();
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (d < 0 ? "-" : "") + mant + "e" + (exp >= 0 ? "+" : "-") + Math.abs(exp);
        }
        return bd.toPlainString();
    }
}
