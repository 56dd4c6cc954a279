package io.opsdeck.prometheus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.FormBody;
import io.opsdeck.http.TransportErrors;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Sends one API request (GET, or POST form when long or refused with 405) and turns every failure into a PrometheusException. */
final class Transport {

    /** Reads a successful or error body; throws the decoder's IOExceptions. */
    @FunctionalInterface
    interface BodyReader<T> {
        T read(InputStream body) throws IOException;
    }

    /** One endpoint call: path below the base URL and its parameters as name/value pairs. */
    record Exchange(List<String> pathSegments, List<String> params) {
    }

    private final String name;
    private final HttpUrl base;
    private final OkHttpClient http;
    private final Duration timeout;
    private final long maxResponseBytes;
    private final int postThreshold;

    Transport(String name, HttpUrl base, OkHttpClient http, Duration timeout, long maxResponseBytes, int postThreshold) {
        this.name = name;
        this.base = base;
        this.http = http;
        this.timeout = timeout;
        this.maxResponseBytes = maxResponseBytes;
        this.postThreshold = postThreshold;
    }

    <T> T execute(Exchange exchange, BodyReader<T> reader) {
        Request get = request(exchange, false);
        boolean post = get.method().equals("POST");
        Request request = get;
        try {
            while (true) {
                try (Response response = newCall(request).execute()) {
                    if (response.code() == 405 && !post) {
                        post = true;
                        request = request(exchange, true);
                        continue;
                    }
                    return handle(response, reader);
                }
            }
        } catch (IOException e) {
            throw transportFailure(e, request.url());
        }
    }

    <T> CompletableFuture<T> executeAsync(Exchange exchange, BodyReader<T> reader) {
        CallFuture<T> future = new CallFuture<>();
        enqueue(future, exchange, request(exchange, false), reader);
        return future;
    }

    private <T> void enqueue(CallFuture<T> future, Exchange exchange, Request request, BodyReader<T> reader) {
        Call call = newCall(request);
        future.call = call;
        if (future.isCancelled()) {
            call.cancel();
            return;
        }
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call failed, IOException e) {
                future.completeExceptionally(transportFailure(e, request.url()));
            }

            @Override
            public void onResponse(Call done, Response response) {
                try (response) {
                    if (response.code() == 405 && request.method().equals("GET")) {
                        enqueue(future, exchange, request(exchange, true), reader);
                        return;
                    }
                    future.complete(handle(response, reader));
                } catch (IOException e) {
                    future.completeExceptionally(transportFailure(e, request.url()));
                } catch (RuntimeException e) {
                    future.completeExceptionally(e);
                }
            }
        });
    }

    private Call newCall(Request request) {
        Call call = http.newCall(request);
        call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return call;
    }

    Request request(Exchange exchange, boolean forcePost) {
        HttpUrl.Builder url = base.newBuilder();
        exchange.pathSegments().forEach(url::addPathSegment);
        HttpUrl path = url.build();
        HttpUrl.Builder withQuery = path.newBuilder();
        List<String> params = exchange.params();
        for (int i = 0; i < params.size(); i += 2) {
            withQuery.addQueryParameter(params.get(i), params.get(i + 1));
        }
        HttpUrl full = withQuery.build();
        String query = full.encodedQuery();
        boolean post = forcePost || (query != null && query.length() > postThreshold);
        Request.Builder builder = new Request.Builder().header("Accept", "application/json");
        if (!post) {
            return builder.url(full).get().build();
        }
        FormBody.Builder form = new FormBody.Builder(StandardCharsets.UTF_8);
        for (int i = 0; i < params.size(); i += 2) {
            form.add(params.get(i), params.get(i + 1));
        }
        return builder.url(path).post(form.build()).build();
    }

    private <T> T handle(Response response, BodyReader<T> reader) throws IOException {
        URI url = response.request().url().uri();
        int code = response.code();
        ResponseBody body = response.body();
        if (body == null) {
            throw failure(PrometheusException.Kind.HTTP, url, code, "answered HTTP " + code + " without a body", null);
        }
        long length = body.contentLength();
        if (length > maxResponseBytes) {
            throw tooLarge(url, code, "the response is " + length + " bytes");
        }
        MediaType type = body.contentType();
        if (type != null && !type.subtype().toLowerCase(Locale.ROOT).contains("json")) {
            throw notJson(url, code, type, body);
        }
        LimitedInputStream in = new LimitedInputStream(body.byteStream(), maxResponseBytes);
        T value;
        try {
            value = reader.read(in);
        } catch (ServerErrorException e) {
            throw new PrometheusException(PrometheusException.Kind.API, name, url, code, e.errorType(), e.error(),
                    "the server refused the request (HTTP " + code + ", " + e.errorType() + "): "
                            + firstLine(e.error()), e);
        } catch (LimitedInputStream.TooLargeException e) {
            throw tooLarge(url, code, "the response grew past " + maxResponseBytes + " bytes");
        } catch (JsonEOFException | EOFException e) {
            throw malformed(url, code, "the response ended early after " + in.count()
                    + " bytes (truncated JSON)", e);
        } catch (ProtocolException e) {
            throw malformed(url, code, "the response ended early after " + in.count() + " bytes ("
                    + firstLine(e.getMessage()) + ")", e);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": ";
            throw malformed(url, code, "the response is not valid JSON (" + where
                    + firstLine(e.getOriginalMessage()) + ")", e);
        } catch (MalformedResponseException e) {
            throw malformed(url, code, "the response is not a Prometheus API answer: " + e.getMessage(), e);
        }
        if (code / 100 != 2) {
            throw failure(PrometheusException.Kind.HTTP, url, code, "answered HTTP " + code + " with a success body", null);
        }
        if (value instanceof QueryResult result) {
            @SuppressWarnings("unchecked")
            T withBytes = (T) result.withStats(new QueryStats(in.count(), result.stats().samples(),
                    Duration.ofMillis(Math.max(0, System.currentTimeMillis() - response.sentRequestAtMillis()))));
            return withBytes;
        }
        return value;
    }

    private PrometheusException malformed(URI url, int code, String problem, Exception cause) {
        PrometheusException.Kind kind = code / 100 == 2 ? PrometheusException.Kind.MALFORMED : PrometheusException.Kind.HTTP;
        String text = code / 100 == 2 ? problem : "answered HTTP " + code + " without a Prometheus error body (" + problem + ")";
        return failure(kind, url, code, text, cause);
    }

    private PrometheusException tooLarge(URI url, int code, String what) {
        return failure(PrometheusException.Kind.TOO_LARGE, url, code, what + ", more than the client's limit of "
                + maxResponseBytes + " bytes (maxResponseBytes); narrow the query or raise the limit", null);
    }

    private PrometheusException notJson(URI url, int code, MediaType type, ResponseBody body) throws IOException {
        PrometheusException.Kind kind = code / 100 == 2 ? PrometheusException.Kind.CONTENT_TYPE : PrometheusException.Kind.HTTP;
        return failure(kind, url, code, BodySniffer.describeNotJson(code, type, body, maxResponseBytes), null);
    }

    private PrometheusException transportFailure(IOException e, HttpUrl url) {
        PrometheusException.Kind kind = switch (TransportErrors.classify(e)) {
            case TIMEOUT -> PrometheusException.Kind.TIMEOUT;
            case TLS -> PrometheusException.Kind.TLS;
            case CANCELLED -> PrometheusException.Kind.CANCELLED;
            case TOO_LARGE -> PrometheusException.Kind.TOO_LARGE;
            case UNREACHABLE, OTHER -> PrometheusException.Kind.CONNECTION;
        };
        return failure(kind, url.uri(), 0, TransportErrors.problem(url, e), e);
    }

    /** The first line of a server's message, at most 200 characters. */
    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private PrometheusException failure(PrometheusException.Kind kind, URI url, int code, String problem, Throwable cause) {
        return new PrometheusException(kind, name, url, code, null, null, problem, cause);
    }
}
