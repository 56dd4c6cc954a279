package io.opsdeck.alertmanager;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Alertmanager's timestamps for {@link AlertsDecoder}: UTC ones parsed without a formatter, and a timestamp equal
 * to the previous one read (alerts of one rule share their {@code endsAt}) returned as the same instance without
 * making a string. One per decoder; not thread-safe.
 */
final class Timestamps {

    private final char[] lastTime = new char[40];
    private int lastLength = -1;
    private Instant lastInstant;

    /** A timestamp read from the parser's buffer: no string per timestamp; a repeat of the last one is shared. */
    Instant read(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return parse(p.getText());
        }
        char[] chars = p.getTextCharacters();
        int offset = p.getTextOffset();
        int length = p.getTextLength();
        if (length == lastLength && java.util.Arrays.equals(chars, offset, offset + length, lastTime, 0, length)) {
            return lastInstant;
        }
        Instant parsed = parse(new String(chars, offset, length));
        if (length <= lastTime.length) {
            System.arraycopy(chars, offset, lastTime, 0, length);
            lastLength = length;
            lastInstant = parsed;
        }
        return parsed;
    }

    /** {@code 2026-11-22T22:11:57.123Z} without a formatter; anything else (offsets) through {@link Instant#parse}. */
    static Instant parse(String s) {
        int n = s.length();
        if (n >= 20 && n <= 30 && s.charAt(n - 1) == 'Z' && s.charAt(4) == '-' && s.charAt(7) == '-'
                && s.charAt(10) == 'T' && s.charAt(13) == ':' && s.charAt(16) == ':') {
            int year = digits(s, 0, 4);
            int month = digits(s, 5, 7);
            int day = digits(s, 8, 10);
            int hour = digits(s, 11, 13);
            int minute = digits(s, 14, 16);
            int second = digits(s, 17, 19);
            int nanos = 0;
            boolean ok = year >= 0 && month >= 1 && day >= 1 && hour >= 0 && hour < 24 && minute >= 0 && minute < 60
                    && second >= 0 && second < 60;
            if (ok && n > 20) {
                int fraction = digits(s, 20, n - 1);
                ok = s.charAt(19) == '.' && fraction >= 0;
                nanos = fraction;
                for (int i = n - 1 - 20; i < 9; i++) {
                    nanos *= 10;
                }
            }
            if (ok && month <= 12 && day <= 31) {
                long epochDay = LocalDate.of(year, month, day).toEpochDay();
                return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
            }
        }
        return Instant.parse(s);
    }

    /** The decimal number in {@code s[from, to)}, or -1 when a character is no digit or it is empty or too long. */
    private static int digits(String s, int from, int to) {
        if (to <= from || to - from > 9) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
