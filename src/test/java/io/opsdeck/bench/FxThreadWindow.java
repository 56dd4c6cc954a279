package io.opsdeck.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * What the JavaFX thread did in one window of a JFR recording, for a stall that {@code AlertsFrameBench} printed
 * ("stall 178.9 ms (FX CPU 51.4 ms) ended at ..."): its execution samples (methods on the stack, inclusive, and
 * whether the top frame was interpreted or compiled), the classes it loaded, and the GC pauses and JIT
 * compilations of the window. Under Monocle the FX thread is named "Event Thread".
 *
 * <pre>
 * java -cp target/test-classes io.opsdeck.bench.FxThreadWindow run.jfr 2026-11-23T04:58:41.994Z 2026-11-23T04:58:42.175Z
 * </pre>
 * Args: recording, from, to (ISO instants), [thread name].
 */
public final class FxThreadWindow {

    private FxThreadWindow() {
    }

    public static void main(String[] args) throws Exception {
        Instant from = Instant.parse(args[1]);
        Instant to = Instant.parse(args[2]);
        String fx = args.length > 3 ? args[3] : "Event Thread";
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> topKind = new HashMap<>();
        List<String> loads = new ArrayList<>();
        List<String> pauses = new ArrayList<>();
        int samples = 0;
        int compilations = 0;
        try (RecordingFile in = new RecordingFile(Path.of(args[0]))) {
            while (in.hasMoreEvents()) {
                RecordedEvent e = in.readEvent();
                if (e.getEndTime().isBefore(from) || e.getStartTime().isAfter(to)) {
                    continue;
                }
                String type = e.getEventType().getName();
                switch (type) {
                    case "jdk.ExecutionSample", "jdk.NativeMethodSample" -> {
                        RecordedThread t = e.getThread("sampledThread");
                        if (t == null || !fx.equals(t.getJavaName()) || e.getStackTrace() == null
                                || e.getStackTrace().getFrames().isEmpty()) {
                            continue;
                        }
                        samples++;
                        List<RecordedFrame> frames = e.getStackTrace().getFrames();
                        top.merge(name(frames.getFirst()), 1, Integer::sum);
                        topKind.merge(frames.getFirst().getType(), 1, Integer::sum);
                        Set<String> seen = new HashSet<>();
                        for (RecordedFrame f : frames) {
                            if (seen.add(name(f))) {
                                inclusive.merge(name(f), 1, Integer::sum);
                            }
                        }
                    }
                    case "jdk.ClassLoad" -> {
                        if (e.getThread() != null && fx.equals(e.getThread().getJavaName())) {
                            loads.add(e.getClass("loadedClass").getName());
                        }
                    }
                    case "jdk.GCPhasePause" -> pauses.add(e.getStartTime() + " " + e.getDuration().toMillis() + " ms " + e.getValue("name"));
                    case "jdk.Compilation" -> compilations++;
                    default -> { }
                }
            }
        }
        System.out.println(fx + ": " + samples + " samples; top frame " + topKind + "; classes loaded " + loads.size()
                + "; JIT compilations (all threads) " + compilations + "; GC pauses " + pauses);
        System.out.println("-- inclusive (samples with the method on the stack)");
        print(inclusive, 80);
        System.out.println("-- top of stack");
        print(top, 20);
        System.out.println("-- classes loaded on the FX thread");
        loads.forEach(c -> System.out.println("  " + c));
    }

    private static String name(RecordedFrame f) {
        RecordedMethod m = f.getMethod();
        String type = m.getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + m.getName();
    }

    private static void print(Map<String, Integer> counts, int limit) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(e -> System.out.printf("%5d %s%n", e.getValue(), e.getKey()));
    }
}
