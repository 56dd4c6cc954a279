package io.opsdeck.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsdeck.prometheus.QueryResult;
import io.opsdeck.prometheus.QueryResultDecoder;
import io.opsdeck.prometheus.Series;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap cost of decoding one query_range body, next to the size of the decoded series.
 * Bytes allocated during the decode bound its peak heap from above (nothing allocated, nothing to peak);
 * retained bytes are what stays live afterwards. Run: {@code bench/run.sh --main io.opsdeck.bench.PrometheusDecodeFootprint}.
 */
public final class PrometheusDecodeFootprint {

    private PrometheusDecodeFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int series = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int points = args.length > 1 ? Integer.parseInt(args[1]) : 1800;
        byte[] body = QueryRangeBodies.generate(series, points);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            QueryResultDecoder.decode(body); // warm up, so JIT and class loading are not counted
        }
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        QueryResult result = QueryResultDecoder.decode(body);
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        System.gc();
        long retained = memory.getHeapMemoryUsage().getUsed() - before;

        long decoded = 0;
        for (Series s : result.series()) {
            decoded += s.sampleBytes() + s.labels().estimatedBytes() + 32; // + the Series object
        }
        System.out.printf("body                 %,14d bytes (%,d series, %,d samples)%n", body.length, series,
                result.sampleCount());
        System.out.printf("decoded series       %,14d bytes (16 per sample + labels)%n", decoded);
        System.out.printf("allocated in decode  %,14d bytes = %.2f x decoded (upper bound of peak heap)%n",
                allocated, (double) allocated / decoded);
        System.out.printf("retained after GC    %,14d bytes = %.2f x decoded%n", retained, (double) retained / decoded);
        System.out.printf("  vs samples alone   %,14d bytes: allocated = %.2f x%n", 16 * result.sampleCount(),
                (double) allocated / (16 * result.sampleCount()));
        System.out.printf("allocated per sample %,14.1f bytes%n", (double) allocated / result.sampleCount());

        // Process CPU time, not wall time: on a shared machine it still measures the work, GC threads included.
        ObjectMapper mapper = new ObjectMapper();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double streaming = cpuMillisPerDecode(os, () -> QueryResultDecoder.decode(body));
        double tree = cpuMillisPerDecode(os, () -> mapper.readTree(body));
        double mb = body.length / 1e6;
        System.out.printf("streaming decoder    %,14.1f ms CPU per body (all threads) = %,.0f MB/s per core%n", streaming, mb / streaming * 1000);
        System.out.printf("Jackson readTree     %,14.1f ms CPU per body (all threads) = %,.0f MB/s per core (streaming is %.1f x faster)%n",
                tree, mb / tree * 1000, tree / streaming);
    }

    private interface Decode {
        Object run() throws Exception;
    }

    private static double cpuMillisPerDecode(com.sun.management.OperatingSystemMXBean os, Decode decode) throws Exception {
        for (int i = 0; i < 5; i++) {
            decode.run();
        }
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            int runs = 5;
            long start = os.getProcessCpuTime();
            for (int i = 0; i < runs; i++) {
                decode.run();
            }
            best = Math.min(best, (os.getProcessCpuTime() - start) / 1e6 / runs);
        }
        return best;
    }
}
