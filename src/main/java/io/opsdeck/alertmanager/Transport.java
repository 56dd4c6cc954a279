package io.opsdeck.alertmanager;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;
import io.opsdeck.http.TransportErrors;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/** Runs one HTTP call and turns every way it can go wrong into one {@link AlertmanagerException} sentence. */
final class Transport {

    private static final int DETAIL_LIMIT = 300;

    private final OkHttpClient http;
    private final String source;
    private final Duration timeout;
    private final long maxBytes;

    Transport(OkHttpClient http, String source, Duration timeout, long maxBytes) {
        this.http = http;
        this.source = source;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    <W, T> T get(HttpUrl.Builder url, TypeReference<W> type, Function<W, T> convert) {
        return send(new Request.Builder().url(url.build()).get(), type, convert);
    }

    /** Sends and only checks the answer for errors. */
    void send(Request.Builder builder) {
        Answer answer = exchange(builder.header("Accept", "application/json").build());
        if (answer.status < 200 || answer.status > 299) {
            throw httpError(answer);
        }
    }

    /** The body read as {@code type}, then converted; a failing conversion is a bad answer too. */
    <W, T> T send(Request.Builder builder, TypeReference<W> type, Function<W, T> convert) {
        Answer answer = exchange(builder.header("Accept", "application/json").build());
        if (answer.status < 200 || answer.status > 299) {
            throw httpError(answer);
        }
        return parse(answer, type, convert);
    }

    /** Like {@link #send}, but a 404 is {@code null}. */
    <W, T> T sendOrNotFound(Request.Builder builder, TypeReference<W> type, Function<W, T> convert) {
        Answer answer = exchange(builder.header("Accept", "application/json").build());
        if (answer.status == 404) {
            return null;
        }
        if (answer.status < 200 || answer.status > 299) {
            throw httpError(answer);
        }
        return parse(answer, type, convert);
    }

    /** Reads a JSON answer token by token while it arrives. */
    interface StreamDecoder<T> {
        T decode(JsonParser parser) throws IOException;
    }

    /**
     * Like {@link #get}, but a 2xx answer is decoded while it streams in (no body string in memory); errors read
     * and name the same problems as {@link #send}.
     */
    <T> T getStreamed(HttpUrl.Builder urlBuilder, StreamDecoder<T> decoder) {
        Request request = new Request.Builder().url(urlBuilder.build()).get().header("Accept", "application/json").build();
        HttpUrl url = request.url();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            String type = body == null || body.contentType() == null ? "" : body.contentType().toString();
            if (body == null || response.code() < 200 || response.code() > 299) {
                Answer answer = new Answer(url, response.code(), type, body == null ? "" : read(url, body));
                throw answer.status < 200 || answer.status > 299 ? httpError(answer)
                        : fail(AlertmanagerException.Kind.BAD_RESPONSE, url, answer.status, "",
                        "answered JSON that is not an API v2 answer (empty body)", null);
            }
            BufferedSource source = body.source();
            if (type.contains("html") || LimitedBody.startsWithMarkup(source)) {
                throw fail(AlertmanagerException.Kind.BAD_RESPONSE, url, response.code(), "",
                        "answered an HTML page instead of JSON (is this URL really an Alertmanager?)", null);
            }
            try (JsonParser parser = Wire.JSON.getFactory().createParser(new LimitedBody(source.inputStream(), maxBytes,
                    () -> fail(AlertmanagerException.Kind.BAD_RESPONSE, url, 0, "",
                            "answered more than " + maxBytes + " bytes, the client's maxResponseBytes", null)))) {
                return decoder.decode(parser);
            } catch (JsonProcessingException e) {
                throw fail(AlertmanagerException.Kind.BAD_RESPONSE, url, response.code(), "",
                        "answered malformed JSON (" + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr()
                                + ", column " + e.getLocation().getColumnNr() + ")", e);
            } catch (AlertmanagerException e) {
                throw e;
            } catch (RuntimeException e) {
                throw fail(AlertmanagerException.Kind.BAD_RESPONSE, url, response.code(), "",
                        "answered JSON that is not an API v2 answer ("
                                + (e instanceof NullPointerException ? "a required field is missing" : e.getMessage()) + ")", e);
            }
        } catch (AlertmanagerException e) {
            throw e;
        } catch (IOException e) {
            throw ioFailure(url, e);
        }
    }

    private record Answer(HttpUrl url, int status, String contentType, String body) {
    }

    private Answer exchange(Request request) {
        HttpUrl url = request.url();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            String type = body == null || body.contentType() == null ? "" : body.contentType().toString();
            return new Answer(url, response.code(), type, body == null ? "" : read(url, body));
        } catch (AlertmanagerException e) {
            throw e;
        } catch (IOException e) {
            throw ioFailure(url, e);
        }
    }

    private AlertmanagerException ioFailure(HttpUrl url, IOException e) {
        if (e instanceof InterruptedIOException) {
            // OkHttp's call timeout and socket read timeouts both land here.
            return fail(AlertmanagerException.Kind.TIMEOUT, url, 0, "", "did not answer within " + seconds(timeout), e);
        }
        if (e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException) {
            return fail(AlertmanagerException.Kind.UNREACHABLE, url, 0, "",
                    "is unreachable (" + TransportErrors.problem(url, e) + ")", e);
        }
        return fail(AlertmanagerException.Kind.UNREACHABLE, url, 0, "",
                "broke off the connection (" + TransportErrors.problem(url, e) + ")", e);
    }

    private String read(HttpUrl url, ResponseBody body) throws IOException {
        BufferedSource source = body.source();
        Buffer buffer = new Buffer();
        while (buffer.size() <= maxBytes) {
            if (source.read(buffer, 64 * 1024) == -1) {
                return buffer.readString(StandardCharsets.UTF_8);
            }
        }
        throw fail(AlertmanagerException.Kind.BAD_RESPONSE, url, 0, "",
                "answered more than " + maxBytes + " bytes, the client's maxResponseBytes", null);
    }

    private <W, T> T parse(Answer answer, TypeReference<W> type, Function<W, T> convert) {
        if (looksLikeHtml(answer)) {
            throw fail(AlertmanagerException.Kind.BAD_RESPONSE, answer.url, answer.status, "",
                    "answered an HTML page instead of JSON (is this URL really an Alertmanager?)", null);
        }
        try {
            W value = Wire.JSON.readValue(answer.body, type);
            if (value == null) {
                throw new IllegalArgumentException("empty body");
            }
            return convert.apply(value);
        } catch (JsonProcessingException e) {
            throw fail(AlertmanagerException.Kind.BAD_RESPONSE, answer.url, answer.status, "",
                    "answered malformed JSON (" + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr()
                            + ", column " + e.getLocation().getColumnNr() + ")", e);
        } catch (RuntimeException e) {
            throw fail(AlertmanagerException.Kind.BAD_RESPONSE, answer.url, answer.status, "",
                    "answered JSON that is not an API v2 answer ("
                            + (e instanceof NullPointerException ? "a required field is missing" : e.getMessage()) + ")", e);
        }
    }

    private AlertmanagerException httpError(Answer answer) {
        String detail = errorText(answer);
        String message = "answered HTTP " + answer.status + (detail.isEmpty() ? "" : ": " + detail);
        return fail(AlertmanagerException.Kind.HTTP_ERROR, answer.url, answer.status, detail, message, null);
    }

    /** Alertmanager answers errors as a JSON string, or {@code {"code":..,"message":..}} for validation errors. */
    private static String errorText(Answer answer) {
        if (looksLikeHtml(answer)) {
            return "an HTML error page";
        }
        String text = answer.body.strip();
        try {
            JsonNode node = Wire.JSON.readTree(text);
            if (node != null && node.isTextual()) {
                text = node.asText();
            } else if (node != null && node.hasNonNull("message")) {
                text = node.get("message").asText();
            }
        } catch (JsonProcessingException e) {
            // plain text: use as is
        }
        return clip(text);
    }

    private static boolean looksLikeHtml(Answer answer) {
        String start = answer.body.stripLeading();
        return answer.contentType.contains("html") || start.startsWith("<");
    }

    private static String clip(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}+", " ").strip();
        return oneLine.length() <= DETAIL_LIMIT ? oneLine : oneLine.substring(0, DETAIL_LIMIT) + "…";
    }

    private AlertmanagerException fail(AlertmanagerException.Kind kind, HttpUrl url, int status, String detail,
                                       String what, Throwable cause) {
        String safeUrl = safe(url);
        return new AlertmanagerException(kind, source, safeUrl, status, detail,
                "Alertmanager " + source + " at " + safeUrl + " " + what + ".", cause);
    }

    /** The URL without user info or query, safe for messages and logs. */
    static String safe(HttpUrl url) {
        return url.newBuilder().username("").password("").query(null).fragment(null).build().toString();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
