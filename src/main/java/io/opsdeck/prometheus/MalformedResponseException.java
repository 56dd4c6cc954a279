package io.opsdeck.prometheus;

import java.io.IOException;

/** Well-formed JSON that is not a Prometheus API answer, raised by {@link QueryResultDecoder}. */
public final class MalformedResponseException extends IOException {

    MalformedResponseException(String message) {
        super(message);
    }
}
