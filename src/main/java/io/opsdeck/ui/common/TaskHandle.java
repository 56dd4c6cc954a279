package io.opsdeck.ui.common;

/** A running background task; cancelling interrupts it and drops its callbacks. */
public interface TaskHandle {

    void cancel();

    boolean cancelled();
}
