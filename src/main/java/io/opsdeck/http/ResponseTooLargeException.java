package io.opsdeck.http;

import java.io.IOException;

/** A response body went past the source's {@code maxResponseBytes}; reading stops there. */
public final class ResponseTooLargeException extends IOException {

    private final long limit;

    public ResponseTooLargeException(long limit) {
        super("response is larger than " + limit + " bytes (max_response_bytes)");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
