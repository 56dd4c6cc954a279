package io.opsdeck.dashboard;

/** A dashboard that cannot be loaded or resolved; the message names the file or variable and the problem. */
public class DashboardException extends RuntimeException {

    public DashboardException(String message) {
        super(message);
    }

    public DashboardException(String message, Throwable cause) {
        super(message, cause);
    }
}
