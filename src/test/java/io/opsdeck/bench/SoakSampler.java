package io.opsdeck.bench;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Samples another JVM over its local JMX agent (started through the Attach API, so no port is opened): heap used
 * right after a full GC, non-heap used, live platform threads and the process's RSS. Virtual threads are not
 * counted by the ThreadMXBean; the console's poll and task threads are virtual, their carriers are counted.
 *
 * <pre>{@code
 * try (SoakSampler s = SoakSampler.attach(process.pid())) {
 *     SoakSampler.Sample first = s.sample(0, "start");
 * }
 * }</pre>
 */
final class SoakSampler implements AutoCloseable {

    /** One row of the CSV. */
    record Sample(long elapsedSeconds, double heapAfterGcMb, double nonHeapMb, int threads, double rssMb, String phase) {
        static final String HEADER = "elapsed_s,heap_after_gc_mb,nonheap_mb,live_threads,rss_mb,phase";

        String csv() {
            return String.format(Locale.ROOT, "%d,%.2f,%.2f,%d,%.1f,%s", elapsedSeconds, heapAfterGcMb, nonHeapMb,
                    threads, rssMb, phase);
        }
    }

    private final long pid;
    private final JMXConnector connector;
    private final MemoryMXBean memory;
    private final ThreadMXBean threads;

    private SoakSampler(long pid, JMXConnector connector, MBeanServerConnection server) throws IOException {
        this.pid = pid;
        this.connector = connector;
        this.memory = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
        this.threads = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
    }

    static SoakSampler attach(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
        return new SoakSampler(pid, connector, connector.getMBeanServerConnection());
    }

    Sample sample(long elapsedSeconds, String phase) throws IOException {
        memory.gc(); // a full collection first, so "used" is what is really retained
        double heap = memory.getHeapMemoryUsage().getUsed() / 1048576.0;
        double nonHeap = memory.getNonHeapMemoryUsage().getUsed() / 1048576.0;
        return new Sample(elapsedSeconds, heap, nonHeap, threads.getThreadCount(), rssMb(), phase);
    }

    private double rssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    /** Start, end, max, and least-squares slope per hour over the samples after {@code warmupSeconds}. */
    static List<String> summary(List<Sample> samples, long warmupSeconds) {
        List<Sample> steady = samples.stream().filter(s -> s.elapsedSeconds() >= warmupSeconds).toList();
        if (steady.size() < 2) {
            steady = samples;
        }
        Sample first = samples.getFirst();
        Sample last = samples.getLast();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "samples %d over %d s (slopes from %d s on, %d samples)", samples.size(),
                last.elapsedSeconds(), steady.getFirst().elapsedSeconds(), steady.size()));
        lines.add(String.format(Locale.ROOT, "heap after GC MB: start %.1f, end %.1f, max %.1f, slope %+.2f MB/h",
                first.heapAfterGcMb(), last.heapAfterGcMb(),
                samples.stream().mapToDouble(Sample::heapAfterGcMb).max().orElseThrow(),
                slopePerHour(steady, Sample::heapAfterGcMb)));
        lines.add(String.format(Locale.ROOT, "live threads: start %d, end %d, max %d, slope %+.2f /h",
                first.threads(), last.threads(), samples.stream().mapToInt(Sample::threads).max().orElseThrow(),
                slopePerHour(steady, s -> s.threads())));
        lines.add(String.format(Locale.ROOT, "non-heap MB: start %.1f, end %.1f, slope %+.2f MB/h",
                first.nonHeapMb(), last.nonHeapMb(), slopePerHour(steady, Sample::nonHeapMb)));
        lines.add(String.format(Locale.ROOT, "RSS MB: start %.0f, end %.0f, max %.0f", first.rssMb(), last.rssMb(),
                samples.stream().mapToDouble(Sample::rssMb).max().orElseThrow()));
        return lines;
    }

    static double slopePerHour(List<Sample> samples, java.util.function.ToDoubleFunction<Sample> value) {
        double n = samples.size();
        double mx = samples.stream().mapToDouble(Sample::elapsedSeconds).average().orElse(0);
        double my = samples.stream().mapToDouble(value).average().orElse(0);
        double num = 0;
        double den = 0;
        for (Sample s : samples) {
            num += (s.elapsedSeconds() - mx) * (value.applyAsDouble(s) - my);
            den += (s.elapsedSeconds() - mx) * (s.elapsedSeconds() - mx);
        }
        return n < 2 || den == 0 ? 0 : num / den * 3600;
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
