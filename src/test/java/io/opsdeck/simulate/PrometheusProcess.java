package io.opsdeck.simulate;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A real /usr/bin/prometheus on a free loopback port in a temp dir. Private to these tests until the shared
 * teststack extension exists.
 */
final class PrometheusProcess implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/prometheus");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final String url;
    private final Path log;
    private final OkHttpClient http = new OkHttpClient();

    private PrometheusProcess(Process process, String url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    static PrometheusProcess start(Path dir, String config) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            fail(BINARY + " is missing: install the Debian package 'prometheus' (apt-get install prometheus)");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path configFile = dir.resolve("prometheus.yml");
        Files.writeString(configFile, config);
        Path log = dir.resolve("prometheus.log");
        Process p = new ProcessBuilder(BINARY.toString(), "--config.file=" + configFile,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusProcess prom = new PrometheusProcess(p, "http://127.0.0.1:" + port, log);
        prom.awaitReady();
        return prom;
    }

    private void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail("prometheus exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try (Response r = http.newCall(new Request.Builder().url(url + "/-/ready").build()).execute()) {
                if (r.code() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        fail("prometheus not ready within 60s:\n" + Files.readString(log));
    }

    /** The {@code data.result} array of an instant query. */
    JsonNode query(String promql) throws IOException {
        String q = URLEncoder.encode(promql, StandardCharsets.UTF_8);
        try (Response r = http.newCall(new Request.Builder().url(url + "/api/v1/query?query=" + q).build()).execute()) {
            JsonNode body = JSON.readTree(r.body().string());
            if (!"success".equals(body.path("status").asText())) {
                throw new IOException("query " + promql + " failed: " + body);
            }
            return body.path("data").path("result");
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
