package io.opsdeck.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the scheduling priority (Linux: the nice value) of this JVM's JIT compiler threads. On two cores the
 * console's start-up gave the C1 and C2 compilers about half of its CPU, taking turns with the FX thread on its
 * core; reniced they use what the program's own threads leave (docs/performance.md, "Console start-up", session 6).
 * The change cannot be undone without privileges, so it lasts: compilation waits only while both cores are busy.
 *
 * <p>Best effort: off Linux, without {@code renice}, or when it fails, nothing changes and a debug line says why.
 */
public final class JitPriority {

    /** System property: the nice value for the compiler threads, 1 to 19; 0 leaves them alone. */
    public static final String PROPERTY = "opsdeck.jitNice";
    static final int DEFAULT_NICE = 19;
    private static final Logger LOG = LoggerFactory.getLogger(JitPriority.class);

    private JitPriority() {
    }

    /** Renices the compiler threads to {@link #PROPERTY} (default 19), on a daemon thread: it forks a process. */
    public static void lowerInBackground() {
        int nice = Integer.getInteger(PROPERTY, DEFAULT_NICE);
        if (nice <= 0 || nice > 19) {
            return;
        }
        Thread.ofPlatform().name("jit-priority").daemon(true).start(() -> lower(nice));
    }

    /** Renices the compiler threads to {@code nice} now; true when renice succeeded for all of them. */
    static boolean lower(int nice) {
        List<Long> threads = compilerThreads(Path.of("/proc/self/task"));
        if (threads.isEmpty()) {
            LOG.debug("JIT priority: no compiler threads found in /proc/self/task");
            return false;
        }
        List<String> cmd = new ArrayList<>(List.of("renice", "-n", Integer.toString(nice), "-p"));
        threads.forEach(t -> cmd.add(t.toString()));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return true;
            }
            p.destroyForcibly();
            LOG.debug("JIT priority: renice of threads {} failed", threads);
        } catch (IOException e) {
            LOG.debug("JIT priority: cannot run renice: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** The ids of the threads under {@code taskDir} (a /proc/PID/task folder) named as HotSpot's compiler threads. */
    public static List<Long> compilerThreads(Path taskDir) {
        List<Long> ids = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(taskDir)) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    // "C1 CompilerThread0" is cut to the kernel's 15 characters: "C1 CompilerThre"
                    if (Files.readString(task.resolve("comm")).strip().matches("C\\d CompilerThre.*")) {
                        ids.add(Long.parseLong(task.getFileName().toString()));
                    }
                } catch (IOException | NumberFormatException e) {
                    // a thread that ended meanwhile, or not a task folder
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return ids;
    }
}
