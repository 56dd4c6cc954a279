package io.opsdeck.simulate.demo;

import java.net.URI;
import java.util.Optional;

/**
 * One running piece of the demo that OpsDeck itself provides (the agent, the console). The demo closes it, in
 * reverse start order, when it stops.
 */
public interface DemoPart extends AutoCloseable {

    /** E.g. {@code agent}. */
    String name();

    /** Where it answers, if it serves HTTP. */
    default Optional<URI> url() {
        return Optional.empty();
    }

    /** Stops it; must not throw and may be called more than once. */
    @Override
    void close();
}
