package io.opsdeck.console.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.opsdeck.console.AgentException;
import io.opsdeck.http.ConnectionSettings;
import io.opsdeck.http.HttpClients;
import io.opsdeck.http.TransportErrors;
import java.io.IOException;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * JSON calls to the agent's {@code /api/v1}, failing with one sentence that names the agent: down, token refused,
 * not allowed, or an answer that is not the JSON expected. The token never appears in messages.
 */
final class AgentHistoryClient {

    /** A parsed answer; {@code code} is 2xx or one the caller said it handles (e.g. 404). */
    record Answer(int code, JsonNode body) {
    }

    private final ConnectionSettings connection;
    private final OkHttpClient http;

    /** @param http made with {@link HttpClients#forSource} for {@code connection}; the caller closes it */
    AgentHistoryClient(ConnectionSettings connection, OkHttpClient http) {
        this.connection = connection;
        this.http = http;
    }

    /** {@code base/api/v1/<segments...>?query}; segments are encoded, so an id cannot change the path. */
    HttpUrl url(Map<String, String> query, String... segments) {
        HttpUrl.Builder b = HttpClients.resolve(connection, "api/v1").newBuilder();
        for (String s : segments) {
            b.addPathSegment(s);
        }
        query.forEach((k, v) -> {
            if (v != null) {
                b.addQueryParameter(k, v);
            }
        });
        return b.build();
    }

    Answer get(HttpUrl url, int... handled) throws AgentException {
        return call(new Request.Builder().url(url).get().build(), handled);
    }

    Answer post(HttpUrl url, int... handled) throws AgentException {
        return call(new Request.Builder().url(url).post(RequestBody.create(new byte[0])).build(), handled);
    }

    private Answer call(Request request, int... handled) throws AgentException {
        HttpUrl url = request.url();
        try (Response response = http.newCall(request).execute()) {
            int code = response.code();
            if (code == 401) {
                throw new AgentException(where(url) + "HTTP 401, the token was refused; check agent.token");
            }
            JsonNode body = parse(url, response);
            boolean wanted = code / 100 == 2 || java.util.Arrays.stream(handled).anyMatch(h -> h == code);
            if (!wanted) {
                String said = body != null && body.path("error").isTextual() ? ": " + body.path("error").asText() : "";
                throw new AgentException(where(url) + "HTTP " + code + said);
            }
            if (body == null) {
                throw new AgentException(where(url) + "HTTP " + code + " with an answer that is not JSON ("
                        + contentType(response) + ")");
            }
            return new Answer(code, body);
        } catch (IOException e) {
            throw new AgentException(TransportErrors.describe("agent", url, e), e);
        }
    }

    /** The body as JSON, or null when it is not JSON (an HTML error page from a proxy, say). */
    private static JsonNode parse(HttpUrl url, Response response) throws IOException, AgentException {
        ResponseBody body = response.body();
        if (body == null) {
            return null;
        }
        String type = contentType(response);
        byte[] bytes = body.bytes();
        if (!type.contains("json")) {
            return null;
        }
        try {
            return AgentJson.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new AgentException(where(url) + "the answer is not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    private static String contentType(Response response) {
        String type = response.header("Content-Type");
        return type == null ? "no content type" : type;
    }

    static String where(HttpUrl url) {
        return "agent (" + TransportErrors.safeUrl(url) + "): ";
    }

    /** A field the answer must have, else a "bad answer" error naming it. */
    static JsonNode need(HttpUrl url, JsonNode node, String field) throws AgentException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new AgentException(where(url) + "unexpected answer: '" + field + "' is missing");
        }
        return v;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
