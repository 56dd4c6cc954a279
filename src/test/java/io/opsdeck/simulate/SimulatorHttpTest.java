package io.opsdeck.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatorHttpTest {

    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OkHttpClient HTTP = new OkHttpClient();
    private static SteppingClock clock;
    private static Simulator sim;

    record Reply(int status, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    @BeforeAll
    static void start() throws IOException {
        clock = SteppingClock.at("2026-03-02T12:00:00Z");
        sim = Simulator.builder().fleet(FleetSpec.DEFAULT).seed(42).clock(clock)
                .listen(new InetSocketAddress("127.0.0.1", 0)).start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static Reply call(String method, String path, String json) throws IOException {
        Request.Builder r = new Request.Builder().url(sim.baseUrl() + path);
        r.method(method, json == null ? (method.equals("DELETE") ? RequestBody.create(new byte[0]) : null)
                : RequestBody.create(json, JSON_TYPE));
        try (Response response = HTTP.newCall(r.build()).execute()) {
            return new Reply(response.code(), response.body().string());
        }
    }

    @Test
    void everyTargetServesItsExporterAndUnknownOnesAre404() throws IOException {
        Reply node = call("GET", "/metrics?target=ml-2&module=node", null);
        assertThat(node.status()).isEqualTo(200);
        assertThat(node.body()).contains("node_cpu_seconds_total{cpu=\"0\",mode=\"idle\"}");
        assertThat(call("GET", "/metrics?target=ml-2&module=dcgm", null).body())
                .contains("DCGM_FI_DEV_GPU_TEMP{Hostname=\"ml-2\",UUID=\"GPU-");
        Reply unknownHost = call("GET", "/metrics?target=web-9&module=node", null);
        assertThat(unknownHost.status()).isEqualTo(404);
        assertThat(unknownHost.body()).contains("unknown host 'web-9'").contains("web-1..web-4");
        Reply wrongModule = call("GET", "/metrics?target=web-1&module=redis", null);
        assertThat(wrongModule.status()).isEqualTo(404);
        assertThat(wrongModule.body()).contains("no exporter 'redis'");
        assertThat(call("GET", "/metrics?target=web-1", null).status()).isEqualTo(400);
    }

    @Test
    void faultsAreRaisedListedAndClearedOverHttp() throws IOException {
        Reply raised = call("POST", "/api/v1/faults", "{\"host\":\"web-2\",\"kind\":\"down\"}");
        assertThat(raised.status()).isEqualTo(201);
        assertThat(raised.json().path("kind").asText()).isEqualTo("down");
        assertThat(call("GET", "/metrics?target=web-2&module=app", null).status()).isEqualTo(503);
        JsonNode faults = call("GET", "/api/v1/faults", null).json();
        assertThat(faults.findValuesAsText("host")).contains("web-2");
        JsonNode hosts = call("GET", "/api/v1/hosts", null).json();
        assertThat(hosts).hasSize(8);
        assertThat(hosts.get(1).path("faults").get(0).asText()).isEqualTo("down");
        Reply cleared = call("DELETE", "/api/v1/faults/web-2/down", null);
        assertThat(cleared.json().path("cleared").get(0).asText()).isEqualTo("down");
        assertThat(call("GET", "/metrics?target=web-2&module=app", null).status()).isEqualTo(200);
    }

    @Test
    void badFaultRequestsGetClearErrors() throws IOException {
        Reply unknownKind = call("POST", "/api/v1/faults", "{\"host\":\"db-1\",\"kind\":\"meltdown\"}");
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.json().path("error").asText()).contains("unknown fault kind 'meltdown'")
                .contains("disk_fill");
        Reply unknownHost = call("POST", "/api/v1/faults", "{\"host\":\"db-7\",\"kind\":\"disk_fill\"}");
        assertThat(unknownHost.status()).isEqualTo(404);
        assertThat(unknownHost.json().path("error").asText()).contains("db-7");
        Reply malformed = call("POST", "/api/v1/faults", "{\"host\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("error").asText()).contains("not valid JSON");
        Reply badParam = call("POST", "/api/v1/faults",
                "{\"host\":\"db-1\",\"kind\":\"disk_fill\",\"params\":{\"fill_in\":\"soon\"}}");
        assertThat(badParam.status()).isEqualTo(400);
        assertThat(badParam.json().path("error").asText()).contains("'soon' is not a duration");
        assertThat(call("GET", "/api/v1/nothing", null).status()).isEqualTo(404);
    }

    @Test
    void actionsHaveTheirEffect() throws IOException {
        String rss = "process_start_time_seconds";
        double before = FleetTest.value(call("GET", "/metrics?target=web-3&module=app", null).body(), rss);
        call("POST", "/api/v1/faults", "{\"host\":\"web-3\",\"kind\":\"memory_leak\"}");
        clock.advance(Duration.ofMinutes(2));
        Reply act = call("POST", "/api/v1/actions", "{\"host\":\"web-3\",\"action\":\"restart_service\"}");
        assertThat(act.status()).isEqualTo(200);
        assertThat(act.json().path("cleared").get(0).asText()).isEqualTo("memory_leak");
        double after = FleetTest.value(call("GET", "/metrics?target=web-3&module=app", null).body(), rss);
        assertThat(after).isGreaterThan(before).isEqualTo(clock.instant().getEpochSecond());
        Reply wrongRole = call("POST", "/api/v1/actions", "{\"host\":\"web-3\",\"action\":\"flush_redis\"}");
        assertThat(wrongRole.status()).isEqualTo(400);
        assertThat(wrongRole.json().path("error").asText()).contains("flush_redis").contains("role web");
    }

    @Test
    void flushRedisEmptiesKeysAndScaleWorkersDrainsTheQueue() throws IOException {
        call("POST", "/api/v1/actions", "{\"host\":\"db-2\",\"action\":\"flush_redis\"}");
        assertThat(FleetTest.value(call("GET", "/metrics?target=db-2&module=redis", null).body(),
                "redis_db_keys{db=\"db0\"}")).isZero();
        call("POST", "/api/v1/faults", "{\"host\":\"ml-1\",\"kind\":\"queue_backlog\",\"params\":{\"tasks_per_second\":\"10\"}}");
        clock.advance(Duration.ofMinutes(5));
        String q = "celery_queue_length{queue_name=\"celery\"}";
        assertThat(FleetTest.value(call("GET", "/metrics?target=ml-1&module=celery", null).body(), q))
                .isGreaterThanOrEqualTo(3000);
        call("POST", "/api/v1/actions", "{\"host\":\"ml-1\",\"action\":\"scale_workers\"}");
        clock.advance(Duration.ofMinutes(6));
        assertThat(FleetTest.value(call("GET", "/metrics?target=ml-1&module=celery", null).body(), q)).isLessThan(20);
    }

    @Test
    void targetsAreFileSdJsonPerJob() throws IOException {
        JsonNode groups = call("GET", "/targets?module=node", null).json();
        assertThat(groups).hasSize(3);
        assertThat(groups.get(1).path("targets").toString()).isEqualTo("[\"db-1\",\"db-2\"]");
        assertThat(groups.get(1).path("labels").path("role").asText()).isEqualTo("db");
        assertThat(groups.get(1).path("labels").path("env").asText()).isEqualTo("demo");
        assertThat(call("GET", "/targets?module=postgres", null).json()).hasSize(1);
        assertThat(call("GET", "/targets?module=nope", null).status()).isEqualTo(404);
    }
}
