package io.opsdeck.simulate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet simulator's HTTP server: {@code GET /metrics?target=HOST&module=JOB} per simulated exporter,
 * {@code GET /targets[?module=JOB]} (file_sd/http_sd JSON), {@code GET /scrape-config} and the control API under
 * {@code /api/v1} (see docs/simulator.md).
 *
 * <pre>{@code
 * try (Simulator sim = Simulator.start(FleetSpec.parse("web=2,db=1"), 42, new InetSocketAddress("127.0.0.1", 0))) {
 *     String yaml = sim.scrapeConfig(Duration.ofSeconds(15));   // for prometheus.yml
 *     sim.fleet().raise("db-1", "disk_fill", Map.of("fill_in", "20m"));
 *     // GET sim.baseUrl() + "/metrics?target=db-1&module=node"
 * }
 * }</pre>
 */
public final class Simulator implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);
    static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final Fleet fleet;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ScheduledExecutorService ticker;

    private Simulator(Builder b) throws IOException {
        this.fleet = Fleet.create(b.fleet, b.seed, b.clock);
        ScenarioRunner runner = b.scenario == null ? null : new ScenarioRunner(b.scenario, fleet);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.server = HttpServer.create(b.listen, 256);
        server.setExecutor(executor);
        server.createContext("/metrics", this::metrics);
        server.createContext("/targets", this::targets);
        server.createContext("/scrape-config", this::scrapeConfigEndpoint);
        server.createContext("/api/v1/", new ControlApi(fleet));
        server.createContext("/", ex -> text(ex, ex.getRequestURI().getPath().equals("/") ? 200 : 404,
                "OpsDeck fleet simulator (" + fleet.spec() + ", seed " + fleet.seed() + ")\n"
                        + "GET /metrics?target=HOST&module=JOB, GET /targets[?module=JOB], GET /scrape-config,\n"
                        + "GET /api/v1/hosts, GET|POST /api/v1/faults, DELETE /api/v1/faults/HOST[/KIND],"
                        + " POST /api/v1/actions\n"));
        server.start();
        if (runner != null) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "simulator-scenario");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(() -> {
                try {
                    runner.tick().forEach(line -> LOG.info("scenario: {}", line));
                } catch (RuntimeException e) {
                    LOG.warn("scenario step failed", e);
                }
            }, 0, b.tickEvery.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            ticker = null;
        }
        LOG.info("simulator serving {} hosts at {}", fleet.spec().size(), baseUrl());
    }

    /** Starts a simulator with the system clock and no scenario. Port 0 picks a free port. */
    public static Simulator start(FleetSpec spec, long seed, InetSocketAddress listen) throws IOException {
        return builder().fleet(spec).seed(seed).listen(listen).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** E.g. {@code http://127.0.0.1:9800}, no trailing slash. */
    public String baseUrl() {
        return "http://" + hostPort();
    }

    /** The bound {@code host:port}, what a scrape config's {@code __address__} replacement needs. */
    public String hostPort() {
        InetSocketAddress a = server.getAddress();
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    public Fleet fleet() {
        return fleet;
    }

    /** A complete {@code scrape_configs} section pointing at this simulator. */
    public String scrapeConfig(Duration interval) {
        return ScrapeConfig.scrapeConfigYaml(fleet.spec(), hostPort(), interval);
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        server.stop(0);
        executor.shutdownNow();
    }

    private void metrics(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, String> q = query(ex);
            String target = q.get("target");
            String module = q.get("module");
            if (target == null || module == null) {
                text(ex, 400, "need both parameters: /metrics?target=HOST&module=JOB (e.g. target=web-1&module=node)\n");
                return;
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream(16384);
            try {
                fleet.writeExposition(target, module, body);
            } catch (SimulationException e) {
                text(ex, e.status(), e.getMessage() + "\n");
                return;
            }
            ex.getResponseHeaders().set("Content-Type", TEXT_FORMAT);
            ex.sendResponseHeaders(200, body.size());
            body.writeTo(ex.getResponseBody());
        }
    }

    private void targets(HttpExchange ex) throws IOException {
        try (ex) {
            String json;
            try {
                json = ScrapeConfig.targetsJson(fleet.spec(), query(ex).get("module"));
            } catch (SimulationException e) {
                text(ex, e.status(), e.getMessage() + "\n");
                return;
            }
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
        }
    }

    private void scrapeConfigEndpoint(HttpExchange ex) throws IOException {
        try (ex) {
            String every = query(ex).getOrDefault("interval", "15s");
            Duration interval;
            try {
                interval = Quantities.duration(every);
            } catch (IllegalArgumentException e) {
                text(ex, 400, "interval: " + e.getMessage() + "\n");
                return;
            }
            text(ex, 200, scrapeConfig(interval));
        }
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> q = new HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    private static void text(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    /** Options for {@link Simulator}; every setting has a default. */
    public static final class Builder {
        private FleetSpec fleet = FleetSpec.DEFAULT;
        private long seed = 42;
        private InetSocketAddress listen = new InetSocketAddress("127.0.0.1", 9800);
        private InstantSource clock = Clock.systemUTC();
        private Scenario scenario;
        private Duration tickEvery = Duration.ofSeconds(1);

        private Builder() {
        }

        /** Default web=4,db=2,ml=2. */
        public Builder fleet(FleetSpec spec) {
            this.fleet = Objects.requireNonNull(spec);
            return this;
        }

        /** Default 42. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Default 127.0.0.1:9800; port 0 picks a free port. */
        public Builder listen(InetSocketAddress address) {
            this.listen = Objects.requireNonNull(address);
            return this;
        }

        /** Default the system UTC clock; tests pass a clock they step. */
        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Default none. Its hosts are checked against the fleet when the simulator starts. */
        public Builder scenario(Scenario scenario) {
            this.scenario = scenario;
            return this;
        }

        /** How often due scenario steps are applied; default 1s. */
        public Builder tickEvery(Duration every) {
            this.tickEvery = Objects.requireNonNull(every);
            return this;
        }

        public Simulator start() throws IOException {
            return new Simulator(this);
        }
    }
}
