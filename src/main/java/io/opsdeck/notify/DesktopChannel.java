package io.opsdeck.notify;

/**
 * Notifications for running consoles. Delivery means "recorded as delivered in the outbox": consoles read
 * them from the agent's {@code /api/v1/events} stream, which replays everything after the last id they saw.
 */
public final class DesktopChannel implements Channel {

    private final String name;

    public DesktopChannel(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "desktop";
    }

    @Override
    public void send(Delivery delivery) {
        // nothing to send: the committed outbox row is the event consoles stream
    }
}
