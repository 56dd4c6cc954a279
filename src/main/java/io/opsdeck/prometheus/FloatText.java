package io.opsdeck.prometheus;

import com.fasterxml.jackson.core.io.NumberInput;

/**
 * Parses numbers as Prometheus writes them (Go's strconv.FormatFloat 'f'/'e', -1) from a char window
 * without allocating: the exact fast path (mantissa below 2^53, power of ten up to 22) covers most values;
 * the rest go to Jackson's FastDoubleParser port.
 */
final class FloatText {

    private static final double[] POWERS = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };
    private static final long EXACT_LIMIT = 1L << 53;

    private FloatText() {
    }

    /** A sample value: a decimal, NaN, +Inf, -Inf or Inf. */
    static double parse(char[] c, int off, int len) {
        if (len == 0) {
            throw new NumberFormatException("empty");
        }
        char first = c[off];
        if (first == 'N' && is(c, off, len, "NaN")) {
            return Double.NaN;
        }
        if ((first == '+' || first == 'I') && (is(c, off, len, "+Inf") || is(c, off, len, "Inf"))) {
            return Double.POSITIVE_INFINITY;
        }
        if (first == '-' && is(c, off, len, "-Inf")) {
            return Double.NEGATIVE_INFINITY;
        }
        int i = off;
        int end = off + len;
        boolean negative = false;
        if (first == '-' || first == '+') {
            negative = first == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean any = false;
        for (; i < end; i++) {
            char ch = c[i];
            if (ch < '0' || ch > '9') {
                break;
            }
            any = true;
            if (mantissa != 0 || ch != '0') {
                digits++;
            }
            mantissa = mantissa * 10 + (ch - '0');
        }
        if (i < end && c[i] == '.') {
            for (i++; i < end; i++) {
                char ch = c[i];
                if (ch < '0' || ch > '9') {
                    break;
                }
                any = true;
                if (mantissa != 0 || ch != '0') {
                    digits++;
                }
                mantissa = mantissa * 10 + (ch - '0');
                scale--;
            }
        }
        if (i < end && (c[i] == 'e' || c[i] == 'E')) {
            int j = i + 1;
            boolean expNegative = false;
            if (j < end && (c[j] == '+' || c[j] == '-')) {
                expNegative = c[j] == '-';
                j++;
            }
            int exp = 0;
            int expDigits = 0;
            for (; j < end && c[j] >= '0' && c[j] <= '9' && expDigits < 5; j++, expDigits++) {
                exp = exp * 10 + (c[j] - '0');
            }
            if (expDigits == 0 || j != end) {
                return slow(c, off, len);
            }
            scale += expNegative ? -exp : exp;
            i = j;
        }
        if (!any || i != end) {
            return slow(c, off, len);
        }
        if (digits > 18 || mantissa >= EXACT_LIMIT || scale < -22 || scale > 22) {
            return slow(c, off, len);
        }
        double value = scale >= 0 ? mantissa * POWERS[scale] : mantissa / POWERS[-scale];
        return negative ? -value : value;
    }

    private static double slow(char[] c, int off, int len) {
        return NumberInput.parseDouble(c, off, len, true);
    }

    /** Epoch seconds with an optional fraction ("1700000000.123") to milliseconds; Long.MIN_VALUE if unusual. */
    static long secondsToMillis(char[] c, int off, int len) {
        int i = off;
        int end = off + len;
        long seconds = 0;
        int intDigits = 0;
        for (; i < end && c[i] >= '0' && c[i] <= '9'; i++, intDigits++) {
            seconds = seconds * 10 + (c[i] - '0');
        }
        if (intDigits == 0 || intDigits > 12) {
            return Long.MIN_VALUE;
        }
        long millis = 0;
        int fracDigits = 0;
        if (i < end && c[i] == '.') {
            for (i++; i < end && c[i] >= '0' && c[i] <= '9'; i++, fracDigits++) {
                if (fracDigits < 3) {
                    millis = millis * 10 + (c[i] - '0');
                } else if (fracDigits == 3 && c[i] >= '5') {
                    millis++; // round half up at the millisecond
                }
            }
        }
        if (i != end) {
            return Long.MIN_VALUE;
        }
        for (int k = Math.min(fracDigits, 3); k < 3; k++) {
            millis *= 10;
        }
        return seconds * 1000 + millis;
    }

    private static boolean is(char[] c, int off, int len, String word) {
        if (len != word.length()) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (c[off + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
