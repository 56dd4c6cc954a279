package io.opsdeck.simulate;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock tests move by hand. */
final class SteppingClock implements InstantSource {

    private volatile Instant now;

    SteppingClock(Instant start) {
        this.now = start;
    }

    static SteppingClock at(String instant) {
        return new SteppingClock(Instant.parse(instant));
    }

    @Override
    public Instant instant() {
        return now;
    }

    void advance(Duration d) {
        now = now.plus(d);
    }
}
