package io.opsdeck.notify;

/** A way to deliver a rendered notification. Implementations are thread-safe and never log secrets. */
public interface Channel {

    String name();

    String type();

    /** Delivers once; throws with a reason (free of secrets) when the receiver did not accept it. */
    void send(Delivery delivery) throws DeliveryException;
}
