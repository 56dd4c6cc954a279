package io.opsdeck.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Builds a realistic {@code query_range} answer: node_exporter-like label sets and values formatted as Prometheus
 * formats floats (Go's shortest round-trip form), mixing rates (full precision), counters and small gauges.
 */
final class QueryRangeBodies {

    private static final String[] MODES = {"idle", "user", "system", "iowait", "irq", "softirq", "steal", "nice"};
    private static final long START = 1_700_000_000L;

    private QueryRangeBodies() {
    }

    static byte[] generate(int seriesCount, int pointsPerSeries) {
        SplittableRandom random = new SplittableRandom(7);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 << 20);
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[");
        for (int s = 0; s < seriesCount; s++) {
            if (s > 0) {
                sb.append(',');
            }
            int host = s / 64;
            sb.append("{\"metric\":{\"__name__\":\"node_cpu_seconds_total\",\"cpu\":\"").append((s / 8) % 8)
                    .append("\",\"env\":\"demo\",\"instance\":\"").append(host % 3 == 0 ? "web-" : host % 3 == 1 ? "db-" : "ml-")
                    .append(host).append("\",\"job\":\"node\",\"mode\":\"").append(MODES[s % 8])
                    .append("\",\"role\":\"").append(host % 3 == 0 ? "web" : host % 3 == 1 ? "db" : "ml")
                    .append("\"},\"values\":[");
            int kind = s % 3;
            double counter = random.nextDouble() * 1e6;
            for (int i = 0; i < pointsPerSeries; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append('[').append(START + 30L * i).append(",\"");
                switch (kind) {
                    case 0 -> sb.append(Double.toString(random.nextDouble() * 0.2)); // a rate(): 16-17 digits
                    case 1 -> {
                        counter += Math.floor(random.nextDouble() * 3000) / 100; // a counter in 1/100 s
                        sb.append(shortest(counter));
                    }
                    default -> sb.append(random.nextInt(0, 64)); // a small gauge
                }
                sb.append("\"]");
            }
            sb.append("]}");
            flush(sb, out);
        }
        sb.append("]}}");
        flush(sb, out);
        return out.toByteArray();
    }

    // Java's Double.toString is Go's shortest form in this range (no exponent), minus the trailing ".0".
    private static String shortest(double v) {
        String text = Double.toString(v);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    private static void flush(StringBuilder sb, ByteArrayOutputStream out) {
        out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        sb.setLength(0);
    }
}
