package io.opsdeck.prometheus;

import java.io.IOException;

/** A body was a Prometheus error answer ({@code "status":"error"}), raised by {@link QueryResultDecoder}. */
public final class ServerErrorException extends IOException {

    private final String errorType;
    private final String error;

    ServerErrorException(String errorType, String error) {
        super((errorType == null ? "error" : errorType) + ": " + error);
        this.errorType = errorType;
        this.error = error;
    }

    /** Prometheus' errorType, e.g. bad_data; may be null. */
    public String errorType() {
        return errorType;
    }

    public String error() {
        return error;
    }
}
