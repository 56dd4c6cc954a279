package io.opsdeck.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The streaming decoder on bodies in the documented formats, including ones no server in the test stack emits. */
class QueryResultDecoderTest {

    private static QueryResult decode(String json) throws IOException {
        return QueryResultDecoder.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void nativeHistogramSeriesAreNamedInAWarningNotDroppedSilently() throws IOException {
        // Format from the Prometheus HTTP API docs; 2.42 needs a protobuf native-histogram exporter to emit it.
        QueryResult result = decode("""
                {"status":"success","data":{"resultType":"matrix","result":[
                  {"metric":{"__name__":"rpc_seconds","job":"api"},
                   "histograms":[[1700000000,{"count":"3","sum":"1.5","buckets":[[0,"0.5","1","3"]]}],
                                 [1700000015,{"count":"4","sum":"2","buckets":[]}]]},
                  {"metric":{"__name__":"mixed"},"values":[[1700000000,"1"]],
                   "histograms":[[1700000015,{"count":"1","sum":"1"}]]},
                  {"metric":{"__name__":"plain"},"values":[[1700000000,"2"]]}]},
                 "warnings":["from server"]}
                """);
        assertThat(result.series()).extracting(s -> s.labels().metricName()).containsExactly("mixed", "plain");
        assertThat(result.warnings()).containsExactly("from server",
                "series rpc_seconds{job=\"api\"} has 2 native histogram samples, which this client does not support; the series was left out",
                "series mixed{} has 1 native histogram sample, which this client does not support; only its float samples are shown");
    }

    @Test
    void instantHistogramIsAlsoReported() throws IOException {
        QueryResult result = decode("""
                {"status":"success","data":{"resultType":"vector","result":[
                  {"metric":{"__name__":"h"},"histogram":[1700000000.5,{"count":"1","sum":"1"}]}]}}""");
        assertThat(result.series()).isEmpty();
        assertThat(result.warnings()).singleElement().asString().contains("series h{}");
    }

    @Test
    void fieldOrderDoesNotMatterAndUnknownFieldsAreSkipped() throws IOException {
        QueryResult result = decode("""
                {"data":{"extra":{"a":[1,2]},"result":[{"values":[[1.5,"2"],[3,"4"]],"metric":{"b":"2","a":"1"}}],
                 "resultType":"matrix"},"infos":["x"],"status":"success"}""");
        assertThat(result.resultType()).isEqualTo(ResultType.MATRIX);
        Series s = result.series().get(0);
        assertThat(s.labels().name(0)).isEqualTo("a");
        assertThat(s.timestamps()).containsExactly(1500, 3000);
        assertThat(s.values()).containsExactly(2, 4);
    }

    @Test
    void longSeriesGrowPastTheScratchBufferAndAreTrimmed() throws IOException {
        StringBuilder json = new StringBuilder("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[");
        for (int series = 0; series < 3; series++) {
            json.append(series == 0 ? "" : ",").append("{\"metric\":{\"i\":\"").append(series).append("\"},\"values\":[");
            int points = 1000 * (series + 1);
            for (int i = 0; i < points; i++) {
                json.append(i == 0 ? "" : ",").append('[').append(1000 + i).append(",\"").append(i).append("\"]");
            }
            json.append("]}");
        }
        QueryResult result = decode(json.append("]}}").toString());
        assertThat(result.series()).extracting(Series::size).containsExactly(1000, 2000, 3000);
        assertThat(result.series().get(2).value(2999)).isEqualTo(2999);
        assertThat(result.series().get(2).timestamp(2999)).isEqualTo(3_999_000L);
        assertThat(result.sampleCount()).isEqualTo(6000);
    }

    @Test
    void nonNumericSampleValueIsMalformed() {
        assertThatThrownBy(() -> decode("""
                {"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"abc"]}]}}"""))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessage("a sample value \"abc\" is not a number");
    }

    @Test
    void errorBodyBecomesServerError() {
        assertThatThrownBy(() -> decode("{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out\"}"))
                .isInstanceOfSatisfying(ServerErrorException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("timeout");
                    assertThat(e.error()).isEqualTo("query timed out");
                });
    }

    @Test
    void floatTextMatchesJavaParsingForEveryShape() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 40_000; i++) {
            double d = switch (i % 4) {
                case 0 -> random.nextDouble() * Math.pow(10, random.nextInt(-30, 30));
                case 1 -> random.nextLong(0, 10_000_000_000L) / 1000.0;
                case 2 -> Double.longBitsToDouble(random.nextLong());
                default -> random.nextInt(-1000, 1000);
            };
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                continue;
            }
            // Go writes 'f' with the shortest digits for moderate exponents and 'e' otherwise; try both shapes.
            for (String text : new String[] {Double.toString(d), new BigDecimal(Double.toString(d)).toPlainString()}) {
                char[] chars = ("xx" + text + "yy").toCharArray();
                assertThat(FloatText.parse(chars, 2, text.length())).as(text).isEqualTo(Double.parseDouble(text));
            }
        }
        assertThat(parse("1e+06")).isEqualTo(1e6);
        assertThat(parse("-0")).isEqualTo(-0.0);
        assertThat(parse("0.30000000000000004")).isEqualTo(0.30000000000000004);
        assertThat(parse("+Inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(parse("-Inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(parse("NaN")).isNaN();
        assertThatThrownBy(() -> parse("1.2.3")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void timestampsKeepMillisecondsExactly() {
        assertThat(millis("1700000000.123")).isEqualTo(1_700_000_000_123L);
        assertThat(millis("1700000000.1")).isEqualTo(1_700_000_000_100L);
        assertThat(millis("1700000000.0005")).isEqualTo(1_700_000_000_001L);
        assertThat(millis("1e9")).isEqualTo(Long.MIN_VALUE);
    }

    private static double parse(String text) {
        return FloatText.parse(text.toCharArray(), 0, text.length());
    }

    private static long millis(String text) {
        return FloatText.secondsToMillis(text.toCharArray(), 0, text.length());
    }
}
