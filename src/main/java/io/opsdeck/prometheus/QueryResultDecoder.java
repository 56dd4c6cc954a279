package io.opsdeck.prometheus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes a {@code /api/v1/query} or {@code /api/v1/query_range} body with Jackson's streaming parser straight
 * into compact {@link Series}: no tree, no databind, one exactly sized long[] and double[] per series.
 * Field order does not matter. Native histogram samples are not supported: they are left out and named in a
 * warning on the result.
 *
 * <pre>{@code
 * QueryResult result = QueryResultDecoder.decode(Files.newInputStream(body));
 * }</pre>
 *
 * Thread-safe; each call uses its own state.
 */
public final class QueryResultDecoder {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private QueryResultDecoder() {
    }

    /**
     * Decodes one body. Throws {@link com.fasterxml.jackson.core.JsonProcessingException} for malformed or
     * truncated JSON, {@link ServerErrorException} for a Prometheus error answer and {@link MalformedResponseException}
     * for JSON that is not a query answer.
     */
    public static QueryResult decode(InputStream body) throws IOException {
        try (JsonParser parser = JSON.createParser(body)) {
            return new QueryBodyReader(parser).document();
        }
    }

    /** Same as {@link #decode(InputStream)} over bytes in memory. */
    public static QueryResult decode(byte[] body) throws IOException {
        try (JsonParser parser = JSON.createParser(body)) {
            return new QueryBodyReader(parser).document();
        }
    }
}
