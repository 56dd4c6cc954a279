package io.opsdeck.notify;

/** A failed delivery attempt. {@code permanent} failures (4xx other than 408/429, bad address) are not retried. */
public final class DeliveryException extends Exception {

    private final boolean permanent;

    public DeliveryException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
