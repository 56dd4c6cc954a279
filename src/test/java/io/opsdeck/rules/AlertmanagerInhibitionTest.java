package io.opsdeck.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Starts the real Alertmanager with rules/alertmanager/alertmanager.yml and checks its inhibition rules. */
class AlertmanagerInhibitionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
    private static Path dir;
    private static Process alertmanager;
    private static String base;

    @BeforeAll
    static void startAlertmanager() throws Exception {
        Path binary = Tools.binary("prometheus-alertmanager", "prometheus-alertmanager");
        dir = Files.createTempDirectory("opsdeck-am");
        // Webhooks go to a free (dead) loopback port, never to an agent another test might run on 9095.
        String config = Files.readString(Tools.ALERTMANAGER_CONFIG)
                .replace("127.0.0.1:9095", "127.0.0.1:" + Tools.freePort());
        Files.writeString(dir.resolve("alertmanager.yml"), config);
        int port = Tools.freePort();
        base = "http://127.0.0.1:" + port;
        alertmanager = new ProcessBuilder(binary.toString(), "--config.file=" + dir.resolve("alertmanager.yml"),
                "--storage.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=").redirectErrorStream(true)
                .redirectOutput(dir.resolve("alertmanager.log").toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions().until(() -> get("/-/ready") != null);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            fail("Alertmanager did not become ready (alive: %s); its log:%n%s", alertmanager.isAlive(),
                    Files.readString(dir.resolve("alertmanager.log")));
        }
    }

    @AfterAll
    static void stopAlertmanager() throws Exception {
        if (alertmanager != null) {
            alertmanager.destroy();
            if (!alertmanager.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                alertmanager.destroyForcibly().waitFor();
            }
        }
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aCriticalInhibitsTheWarningOfTheSameAlertAndInstanceOnly() throws Exception {
        post(alert("PostgresReplicationLag", "critical", "db-9", "dba"),
                alert("PostgresReplicationLag", "warning", "db-9", "dba"),
                alert("PostgresReplicationLag", "warning", "db-8", "dba"));

        awaitState("PostgresReplicationLag", "db-9", "warning", "suppressed");
        assertThat(state("PostgresReplicationLag", "db-9", "critical")).isEqualTo("active");
        assertThat(state("PostgresReplicationLag", "db-8", "warning")).isEqualTo("active");
    }

    @Test
    void aHostDownSuppressesEveryOtherAlertOfThatInstance() throws Exception {
        post(alert("HostDown", "critical", "web-9", "devops"),
                alert("TargetDown", "warning", "web-9", "devops"),
                alert("HttpErrorRatioHigh", "critical", "web-9", "devops"),
                alert("HttpErrorRatioHigh", "critical", "web-8", "devops"));

        awaitState("TargetDown", "web-9", "warning", "suppressed");
        awaitState("HttpErrorRatioHigh", "web-9", "critical", "suppressed");
        assertThat(state("HostDown", "web-9", "critical")).isEqualTo("active");
        assertThat(state("HttpErrorRatioHigh", "web-8", "critical")).isEqualTo("active");
    }

    private static Map<String, Object> alert(String name, String severity, String instance, String team) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", name);
        labels.put("severity", severity);
        labels.put("instance", instance);
        labels.put("team", team);
        labels.put("env", "demo");
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("labels", labels);
        alert.put("annotations", Map.of("summary", name + " on " + instance));
        alert.put("startsAt", Instant.now().minusSeconds(60).toString());
        alert.put("endsAt", Instant.now().plusSeconds(3600).toString());
        return alert;
    }

    @SafeVarargs
    private static void post(Map<String, Object>... alerts) throws IOException {
        RequestBody body = RequestBody.create(JSON.writeValueAsBytes(List.of(alerts)),
                MediaType.get("application/json"));
        try (Response response = HTTP.newCall(new Request.Builder().url(base + "/api/v2/alerts").post(body).build())
                .execute()) {
            assertThat(response.code()).as("POST /api/v2/alerts: %s", response.body().string()).isEqualTo(200);
        }
    }

    private static void awaitState(String name, String instance, String severity, String expected) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(state(name, instance, severity))
                        .as("%s/%s/%s", name, instance, severity).isEqualTo(expected));
    }

    /** The alert's status.state from GET /api/v2/alerts, or "missing". */
    private static String state(String name, String instance, String severity) throws IOException {
        List<String> states = new ArrayList<>();
        for (JsonNode alert : JSON.readTree(get("/api/v2/alerts"))) {
            JsonNode labels = alert.path("labels");
            if (labels.path("alertname").asText().equals(name) && labels.path("instance").asText().equals(instance)
                    && labels.path("severity").asText().equals(severity)) {
                states.add(alert.path("status").path("state").asText());
            }
        }
        return states.isEmpty() ? "missing" : String.join(",", states);
    }

    private static String get(String path) throws IOException {
        try (Response response = HTTP.newCall(new Request.Builder().url(base + path).build()).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("GET " + path + " -> " + response.code());
            }
            return response.body().string();
        }
    }
}
