package io.opsdeck.console;

import java.time.Duration;

/**
 * What a connection test found.
 *
 * @param ok      whether the source answered as its kind should
 * @param message one line for the operator, e.g. "Prometheus 2.42.0 answered" or "connection refused"
 * @param took    how long the test took
 */
public record ConnectionTestResult(boolean ok, String message, Duration took) {

    public static ConnectionTestResult ok(String message, Duration took) {
        return new ConnectionTestResult(true, message, took);
    }

    public static ConnectionTestResult failed(String message, Duration took) {
        return new ConnectionTestResult(false, message, took);
    }
}
