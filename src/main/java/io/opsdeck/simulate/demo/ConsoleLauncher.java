package io.opsdeck.simulate.demo;

import java.util.Optional;

/**
 * Opens the OpsDeck console on the demo's configuration. The seam where the real console plugs in: the CLI passes
 * its launcher to {@link Demo.Builder#console(ConsoleLauncher)}; until the console exists, {@link NotBuiltYet}
 * opens nothing. The demo does not call it when headless.
 *
 * <p>The console should call {@link DemoContext#stop()} when its window is closed, which stops the whole demo.
 */
@FunctionalInterface
public interface ConsoleLauncher {

    /** Opens the console with {@link DemoContext#configFile()}; returns it, or empty when there is none. */
    Optional<DemoPart> start(DemoContext context) throws Exception;

    /** What the demo says about this launcher before it starts it. */
    default String describe() {
        return "console";
    }

    /** The console is not part of this build: the demo says so and runs headless. */
    final class NotBuiltYet implements ConsoleLauncher {
        @Override
        public Optional<DemoPart> start(DemoContext context) {
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "console: not built yet, running headless";
        }
    }
}
