package io.opsdeck.console;

/** Stops a listener registered with a feed; closing twice is harmless. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
