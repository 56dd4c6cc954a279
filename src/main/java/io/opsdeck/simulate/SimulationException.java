package io.opsdeck.simulate;

/** A request the simulator cannot honour; {@link #status()} is the HTTP status the control API answers with. */
public final class SimulationException extends RuntimeException {

    private final int status;

    public SimulationException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** 404 for an unknown host or module, 400 for anything else malformed. */
    public int status() {
        return status;
    }

    static SimulationException notFound(String message) {
        return new SimulationException(404, message);
    }

    static SimulationException badRequest(String message) {
        return new SimulationException(400, message);
    }
}
