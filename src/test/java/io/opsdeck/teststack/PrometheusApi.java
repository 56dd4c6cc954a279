package io.opsdeck.teststack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The few Prometheus HTTP API calls the stack tests need (instant query, alert list), kept apart from the product's
 * Prometheus client so the tests check the real server, not our client.
 */
public final class PrometheusApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OkHttpClient HTTP = new OkHttpClient();

    private final URI baseUrl;

    public PrometheusApi(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The {@code data.result} array of an instant query. */
    public JsonNode query(String promql) throws IOException {
        return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).path("result");
    }

    /** The {@code data.alerts} array of /api/v1/alerts: pending and firing alerts with labels and state. */
    public JsonNode alerts() throws IOException {
        return get("/api/v1/alerts").path("alerts");
    }

    private JsonNode get(String pathAndQuery) throws IOException {
        Request request = new Request.Builder().url(baseUrl.resolve(pathAndQuery).toString()).build();
        try (Response response = HTTP.newCall(request).execute()) {
            JsonNode body = JSON.readTree(response.body().string());
            if (!"success".equals(body.path("status").asText())) {
                throw new IOException(pathAndQuery + " failed: " + body);
            }
            return body.path("data");
        }
    }
}
