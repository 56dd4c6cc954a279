package io.opsdeck.bench;

import io.opsdeck.simulate.SimulatorClient;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The soak's repeating fault cycle, at fractions of the cycle length (twelfths): a host down (critical HostDown
 * after 1 min: the wall pauses and shows the banner), a GPU overheating and a latency spike, each cleared later;
 * from 8/12 to 10.5/12 a source process is frozen (SIGSTOP) so its health checks time out and the stale banner
 * shows, then thawed (SIGCONT) so it must recover without a restart. Hosts change every cycle, so alert
 * fingerprints keep changing as they do on a real wall.
 */
final class SoakFaults {

    private final SimulatorClient simulator;
    private final Set<String> phase;
    private final Consumer<String> say;

    SoakFaults(SimulatorClient simulator, Set<String> phase, Consumer<String> say) {
        this.simulator = simulator;
        this.phase = phase;
        this.say = say;
    }

    /** Schedules every cycle that starts before {@code total} has passed. */
    void schedule(ScheduledExecutorService events, Duration cycle, Duration total) {
        long twelfth = cycle.toMillis() / 12;
        for (int c = 0; c * cycle.toMillis() < total.toMillis(); c++) {
            long base = c * cycle.toMillis();
            String web = "web-" + (c % 6 + 1);
            String web2 = "web-" + ((c + 3) % 6 + 1);
            String ml = "ml-" + (c % 3 + 1);
            String frozen = c % 2 == 0 ? "prometheus" : "alertmanager";
            at(events, base, () -> raise(web, "down", Map.of()));
            at(events, base + twelfth, () -> raise(ml, "gpu_overheating", Map.of("gpu", "0")));
            at(events, base + 2 * twelfth, () -> raise(web2, "latency_spike", Map.of("factor", "8")));
            at(events, base + 4 * twelfth, () -> clear(web, "down"));
            at(events, base + 6 * twelfth, () -> clear(web2, "latency_spike"));
            at(events, base + 7 * twelfth, () -> clear(ml, "gpu_overheating"));
            at(events, base + 8 * twelfth, () -> signal(frozen, "STOP"));
            at(events, base + 21 * twelfth / 2, () -> signal(frozen, "CONT"));
        }
    }

    /** Thaws any frozen source, so the stack can stop. */
    void thawAll() {
        signal("prometheus", "CONT");
        signal("alertmanager", "CONT");
    }

    private void at(ScheduledExecutorService events, long delayMillis, Runnable action) {
        events.schedule(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                say.accept("event failed: " + e.getMessage());
            }
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void raise(String host, String kind, Map<String, String> params) {
        simulator.raise(host, kind, params);
        phase.add(kind + "@" + host);
        say.accept("raised " + kind + " on " + host);
    }

    private void clear(String host, String kind) {
        simulator.clear(host, kind);
        phase.remove(kind + "@" + host);
        say.accept("cleared " + kind + " on " + host);
    }

    private void signal(String name, String signal) {
        Optional<ProcessHandle> process = source(name);
        if (process.isEmpty()) {
            say.accept("no " + name + " process to " + signal);
            return;
        }
        try {
            int code = new ProcessBuilder("kill", "-" + signal, Long.toString(process.get().pid())).inheritIO().start().waitFor();
            if (code != 0) {
                say.accept("kill -" + signal + " " + name + " exited with " + code);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot signal " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if ("STOP".equals(signal)) {
            phase.add(name + "-frozen");
        } else {
            phase.remove(name + "-frozen");
        }
        say.accept(("STOP".equals(signal) ? "froze " : "thawed ") + name);
    }

    /** The demo's own child process for Prometheus or Alertmanager (Debian names the latter prometheus-alertmanager). */
    private static Optional<ProcessHandle> source(String name) {
        Set<String> binaries = name.equals("prometheus") ? Set.of("prometheus") : Set.of("prometheus-alertmanager", "alertmanager");
        List<ProcessHandle> found = ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> binaries.contains(java.nio.file.Path.of(c).getFileName().toString()))
                        .orElse(false)).toList();
        return found.stream().findFirst();
    }
}
