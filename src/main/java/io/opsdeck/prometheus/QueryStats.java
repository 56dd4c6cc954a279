package io.opsdeck.prometheus;

import java.time.Duration;

/**
 * What answering a query cost on the client side.
 *
 * @param bytesRead response body bytes read from the server (after transparent gzip decompression)
 * @param samples   float samples decoded over all series
 * @param elapsed   time from sending the request to the decoded result (zero when decoded offline)
 */
public record QueryStats(long bytesRead, long samples, Duration elapsed) {
}
