package io.opsdeck.simulate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping the demo stops every part even when one fails: a demo whose jar was rebuilt under it failed to stop its
 * agent (a class no longer in the jar) and left Prometheus, Alertmanager and node_exporter running.
 */
class DemoStackCloseTest {

    @TempDir
    Path tmp;

    @Test
    void aPartThatFailsToStopDoesNotLeaveTheOnesStartedBeforeItRunning() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("demo"));
        List<String> said = new ArrayList<>();
        DemoStack stack = new DemoStack(dir, false, said::add, new CountDownLatch(1));
        List<String> stopped = new ArrayList<>();
        stack.add("prometheus", () -> stopped.add("prometheus"));
        stack.add("alertmanager", () -> stopped.add("alertmanager"));
        stack.add("agent", () -> {
            throw new NoClassDefFoundError("io/opsdeck/remediation/ActionRunner$Running");
        });
        stack.add("console", () -> {
            throw new IllegalStateException("window already gone");
        });

        stack.close();

        assertThat(stopped).containsExactly("alertmanager", "prometheus");
        assertThat(said).contains("stopping agent failed: io/opsdeck/remediation/ActionRunner$Running",
                "stopping console failed: window already gone");
        assertThat(dir).doesNotExist();
    }
}
