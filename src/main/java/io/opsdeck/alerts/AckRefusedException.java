package io.opsdeck.alerts;

/** An acknowledgement OpsDeck would not send, because its silence would not cover exactly the chosen alerts. */
public final class AckRefusedException extends IllegalStateException {

    AckRefusedException(String message) {
        super(message);
    }
}
