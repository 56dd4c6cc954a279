package io.opsdeck.prometheus;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Builds the endpoint paths and parameters of API requests, validating arguments first. */
final class ApiRequests {

    private ApiRequests() {
    }

    static Transport.Exchange instant(String expr, Instant time) {
        Objects.requireNonNull(expr, "expr");
        List<String> params = new ArrayList<>(List.of("query", expr));
        if (time != null) {
            params.add("time");
            params.add(seconds(time));
        }
        return new Transport.Exchange(List.of("api", "v1", "query"), params);
    }

    static Transport.Exchange range(String expr, Instant start, Instant end, Duration step) {
        Objects.requireNonNull(expr, "expr");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (step == null || step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("step must be positive, got " + step);
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
        return new Transport.Exchange(List.of("api", "v1", "query_range"), List.of("query", expr,
                "start", seconds(start), "end", seconds(end),
                "step", BigDecimal.valueOf(step.toMillis(), 3).stripTrailingZeros().toPlainString()));
    }

    static List<String> matchParams(List<String> match, Instant start, Instant end) {
        List<String> params = new ArrayList<>();
        for (String m : match) {
            params.add("match[]");
            params.add(m);
        }
        if (start != null) {
            params.add("start");
            params.add(seconds(start));
        }
        if (end != null) {
            params.add("end");
            params.add(seconds(end));
        }
        return params;
    }

    /** Epoch seconds with millisecond precision, as both Prometheus and VictoriaMetrics accept. */
    static String seconds(Instant t) {
        return BigDecimal.valueOf(t.toEpochMilli(), 3).toPlainString();
    }
}
