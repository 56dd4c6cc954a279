package io.opsdeck.ui.common;

import java.time.Duration;

/** Short ages for operators: "12 s", "3 min", "5 h", "2 d". */
public final class AgeText {

    private AgeText() {
    }

    public static String of(Duration age) {
        long s = Math.max(0, age.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3_600) {
            return s / 60 + " min";
        }
        if (s < 172_800) {
            return s / 3_600 + " h";
        }
        return s / 86_400 + " d";
    }
}
