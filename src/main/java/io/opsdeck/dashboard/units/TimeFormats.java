package io.opsdeck.dashboard.units;

/** Grafana's time formatters (toSeconds, toMilliSeconds, toDuration...). No plural suffixes, as in Grafana. */
final class TimeFormats {

    private static final String[] UNIT_NAMES = {"year", "month", "week", "day", "hour", "minute", "second",
            "millisecond"};
    private static final double[] UNIT_SECONDS = {31536000, 2629744, 604800, 86400, 3600, 60, 1, 0.001};

    private TimeFormats() {
    }

    private static FormattedValue scaled(double v, Integer d, String ext) {
        return FormattedValue.of(Decimals.toFixed(v, d), ext);
    }

    static FormattedValue nanoseconds(double size, Integer d) {
        double a = Math.abs(size);
        if (a < 1000) {
            return scaled(size, d, " ns");
        } else if (a < 1000000) {
            return scaled(size / 1000, d, " µs");
        } else if (a < 1000000000) {
            return scaled(size / 1000000, d, " ms");
        } else if (a < 60000000000.0) {
            return scaled(size / 1000000000, d, " s");
        } else if (a < 3600000000000.0) {
            return scaled(size / 60000000000.0, d, " min");
        } else if (a < 86400000000000.0) {
            return scaled(size / 3600000000000.0, d, " hour");
        }
        return scaled(size / 86400000000000.0, d, " day");
    }

    static FormattedValue microseconds(double size, Integer d) {
        double a = Math.abs(size);
        if (a < 1000) {
            return scaled(size, d, " µs");
        } else if (a < 1000000) {
            return scaled(size / 1000, d, " ms");
        }
        return scaled(size / 1000000, d, " s");
    }

    static FormattedValue milliseconds(double size, Integer d) {
        double a = Math.abs(size);
        if (a < 1000) {
            return scaled(size, d, " ms");
        } else if (a < 60000) {
            return scaled(size / 1000, d, " s");
        } else if (a < 3600000) {
            return scaled(size / 60000, d, " min");
        } else if (a < 86400000) {
            return scaled(size / 3600000, d, " hour");
        } else if (a < 31536000000.0) {
            return scaled(size / 86400000, d, " day");
        }
        return scaled(size / 31536000000.0, d, " year");
    }

    static FormattedValue seconds(double size, Integer d) {
        double a = Math.abs(size);
        if (size == 0) {
            return FormattedValue.of("0", " s");
        } else if (a < 0.000001) {
            return scaled(size * 1e9, d, " ns");
        } else if (a < 0.001) {
            return scaled(size * 1e6, d, " µs");
        } else if (a < 1) {
            return scaled(size * 1e3, d, " ms");
        } else if (a < 60) {
            return scaled(size, d, " s");
        } else if (a < 3600) {
            return scaled(size / 60, d, " min");
        } else if (a < 86400) {
            return scaled(size / 3600, d, " hour");
        } else if (a < 604800) {
            return scaled(size / 86400, d, " day");
        } else if (a < 31536000) {
            return scaled(size / 604800, d, " week");
        }
        return scaled(size / 3.15569e7, d, " year");
    }

    static FormattedValue minutes(double size, Integer d) {
        double a = Math.abs(size);
        if (a < 60) {
            return scaled(size, d, " min");
        } else if (a < 1440) {
            return scaled(size / 60, d, " hour");
        } else if (a < 10080) {
            return scaled(size / 1440, d, " day");
        } else if (a < 604800) {
            return scaled(size / 10080, d, " week");
        }
        return scaled(size / 525600, d, " year");
    }

    static FormattedValue hours(double size, Integer d) {
        double a = Math.abs(size);
        if (a < 24) {
            return scaled(size, d, " hour");
        } else if (a < 168) {
            return scaled(size / 24, d, " day");
        } else if (a < 8760) {
            return scaled(size / 168, d, " week");
        }
        return scaled(size / 8760, d, " year");
    }

    static FormattedValue days(double size, Integer d) {
        double a = Math.abs(size);
        if (a < 7) {
            return scaled(size, d, " day");
        } else if (a < 365) {
            return scaled(size / 7, d, " week");
        }
        return scaled(size / 365, d, " year");
    }

    /** Grafana's toDuration: "1 hour, 2 minutes"; {@code decimals} more units after the first (0 when null). */
    static FormattedValue duration(double size, Integer decimals, double unitSeconds) {
        if (Double.isNaN(size)) {
            return FormattedValue.of("NaN", "");
        }
        if (size == 0) {
            return FormattedValue.of("0", unitSeconds == 1 ? " seconds" : " milliseconds");
        }
        if (size < 0) {
            FormattedValue v = duration(-size, decimals, unitSeconds);
            return FormattedValue.of(v.text(), v.suffix() + " ago");
        }
        double ms = size * unitSeconds * 1000;
        StringBuilder out = new StringBuilder();
        int remaining = decimals == null ? 0 : decimals;
        boolean started = false;
        for (int i = 0; i < UNIT_NAMES.length && remaining >= 0; i++) {
            double interval = UNIT_SECONDS[i] * 1000;
            double value = ms / interval;
            if (value >= 1 || started) {
                started = true;
                long floor = (long) Math.floor(value);
                if (!out.isEmpty()) {
                    out.append(", ");
                }
                out.append(floor).append(' ').append(UNIT_NAMES[i]).append(floor != 1 ? "s" : "");
                ms = ms % interval;
                remaining--;
            }
        }
        return FormattedValue.of(out.toString(), "");
    }

    /** hh:mm:ss like Grafana's dthms. */
    static String hms(double seconds) {
        long s = (long) Math.floor(Math.abs(seconds));
        String body = String.format("%02d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
        return seconds < 0 ? "-" + body : body;
    }
}
