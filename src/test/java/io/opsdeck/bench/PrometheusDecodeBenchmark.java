package io.opsdeck.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsdeck.prometheus.QueryResult;
import io.opsdeck.prometheus.QueryResultDecoder;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding one ~50 MB query_range body (1,000 series): the streaming decoder against Jackson's tree on the same
 * bytes. MB/s per core = body size / (ms/op) (single thread). Run: {@code bench/run.sh PrometheusDecodeBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class PrometheusDecodeBenchmark {

    @Param({"1000"})
    int series;

    @Param({"1800"})
    int points;

    private byte[] body;
    private final ObjectMapper mapper = new ObjectMapper();

    @Setup(Level.Trial)
    public void generate() {
        body = QueryRangeBodies.generate(series, points);
        System.err.printf("body: %,d bytes, %,d samples%n", body.length, (long) series * points);
    }

    @Benchmark
    public QueryResult streaming() throws IOException {
        return QueryResultDecoder.decode(body);
    }

    @Benchmark
    public JsonNode jacksonTree() throws IOException {
        return mapper.readTree(body);
    }
}
