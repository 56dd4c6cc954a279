package io.opsdeck.agent;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opsdeck.notify.Alert;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's HTTP server (JDK server, one virtual thread per request): health, webhook intake, metrics,
 * and the API in {@link ApiHandlers}. Binds 127.0.0.1 unless configured otherwise.
 */
final class AgentServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AgentServer.class);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Agent agent;
    private final ApiHandlers api;
    private volatile boolean accepting = true;
    /** Bounds webhooks in progress so an overload answers 503 (Alertmanager retries) instead of exhausting memory. */
    private final java.util.concurrent.Semaphore intakeSlots = new java.util.concurrent.Semaphore(256);
    /**
     * ... and bounds their bodies' bytes, in KiB: 256 slots of up to max_body_bytes each could hold far more than a
     * 64 MB heap (a parsed body and its rendered notifications are several times its size). The budget is an eighth
     * of the heap, or one largest body if that is more; a body declaring more than the budget takes all of it.
     */
    private final java.util.concurrent.Semaphore intakeKib;
    private final int intakeBudgetKib;

    AgentServer(Agent agent, ApiHandlers api) throws IOException {
        this.agent = agent;
        this.api = api;
        AgentSettings s = agent.settings();
        this.intakeBudgetKib = (int) Math.min(Integer.MAX_VALUE,
                Math.max(s.maxBodyBytes(), Runtime.getRuntime().maxMemory() / 8) / 1024 + 1);
        this.intakeKib = new java.util.concurrent.Semaphore(intakeBudgetKib);
        this.server = HttpServer.create(new InetSocketAddress(s.host(), s.port()), 256);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        LOG.info("Agent listening on http://{}:{}", s.host(), port());
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Stops taking new webhooks (answers 503) while the rest shuts down. */
    void stopIntake() {
        accepting = false;
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        try {
            switch (path) {
                case "/health", "/health/live" -> HttpIo.json(ex, 200, Map.of("status", "ok"));
                case "/health/ready" -> {
                    boolean ready = accepting && agent.ready();
                    HttpIo.json(ex, ready ? 200 : 503, Map.of("status", ready ? "ready" : "not ready"));
                }
                case "/metrics" -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    agent.metrics().write(out);
                    HttpIo.send(ex, 200, AgentMetrics.contentType(), out.toByteArray());
                }
                case "/api/v1/alertmanager/webhook" -> {
                    if (!"POST".equals(method)) {
                        HttpIo.error(ex, 405, "use POST");
                    } else {
                        webhook(ex);
                    }
                }
                case "/api/v1/pagerduty/webhook" -> {
                    if (!"POST".equals(method)) {
                        HttpIo.error(ex, 405, "use POST");
                    } else {
                        pagerDuty(ex);
                    }
                }
                default -> api.handle(ex, path, method);
            }
        } catch (RuntimeException e) {
            LOG.error("Request {} {} failed", method, path, e);
            HttpIo.error(ex, 500, "internal error: " + e.getClass().getSimpleName());
        } finally {
            ex.close();
        }
    }

    private void webhook(HttpExchange ex) throws IOException {
        long received = System.nanoTime();
        int code;
        int kib = bodyKib(ex);
        boolean admitted = false;
        boolean slot = false;
        try {
            slot = intakeSlots.tryAcquire(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            long left = 100 - (System.nanoTime() - received) / 1_000_000;
            admitted = slot && intakeKib.tryAcquire(kib, Math.max(0, left), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!admitted) {
            if (slot) {
                intakeSlots.release();
            }
            ex.getResponseHeaders().set("Retry-After", "1");
            HttpIo.error(ex, 503, "agent is overloaded; retry");
            code = 503;
        } else {
            try {
                code = webhookStatus(ex, received);
            } finally {
                intakeKib.release(kib);
                intakeSlots.release();
            }
        }
        agent.metrics().webhookRequest(code);
    }

    /** The body's share of the intake budget: its declared length, or the largest allowed body when not declared. */
    private int bodyKib(HttpExchange ex) {
        long bytes = agent.settings().maxBodyBytes();
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                bytes = Math.min(bytes, Long.parseLong(length.strip()));
            } catch (NumberFormatException e) {
                // the body reader refuses it; charge the largest allowed body until then
            }
        }
        return (int) Math.min(intakeBudgetKib, Math.max(0, bytes) / 1024 + 1);
    }

    private int webhookStatus(HttpExchange ex, long received) throws IOException {
        if (!accepting) {
            HttpIo.error(ex, 503, "agent is shutting down");
            return 503;
        }
        if (!agent.auth().webhookAllowed(ex)) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            HttpIo.error(ex, 401, "missing or wrong webhook credentials");
            return 401;
        }
        byte[] body;
        try {
            body = HttpIo.body(ex, agent.settings().maxBodyBytes());
        } catch (HttpIo.TooLarge e) {
            HttpIo.error(ex, 413, e.getMessage());
            return 413;
        }
        WebhookPayload payload;
        try {
            payload = NotificationFactory.JSON.readValue(body, WebhookPayload.class);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String where = l == null ? "" : " at line " + l.getLineNr() + ", column " + l.getColumnNr();
            HttpIo.error(ex, 400, "malformed webhook payload: " + e.getOriginalMessage() + where);
            return 400;
        }
        if (payload == null || payload.groupKey() == null) {
            HttpIo.error(ex, 400, "malformed webhook payload: 'groupKey' is missing (is this an Alertmanager webhook, version 4?)");
            return 400;
        }
        if (payload.truncatedAlerts() > 0) {
            LOG.warn("Alertmanager truncated {} alerts of group {}; raise max_alerts on its webhook receiver",
                    payload.truncatedAlerts(), payload.groupKey());
        }
        List<Alert> alerts = payload.toAlerts(HttpIo.query(ex).get("receiver"));
        int fresh = agent.intake().accept("webhook", payload.groupKey(), alerts);
        agent.metrics().webhookDurable(System.nanoTime() - received);
        HttpIo.json(ex, 200, Map.of("received", alerts.size(), "new", fresh));
        return 200;
    }

    /** PagerDuty v3 webhook: the signature is checked over the raw body before anything is parsed. */
    private void pagerDuty(HttpExchange ex) throws IOException {
        PagerDutyWebhook hook = agent.pagerDutyWebhook();
        if (!hook.configured()) {
            HttpIo.error(ex, 404, "PagerDuty webhooks are off: set webhook_secret on a pagerduty channel");
            return;
        }
        byte[] body;
        try {
            body = HttpIo.body(ex, agent.settings().maxBodyBytes());
        } catch (HttpIo.TooLarge e) {
            HttpIo.error(ex, 413, e.getMessage());
            return;
        }
        if (!hook.signed(ex.getRequestHeaders().getFirst(PagerDutyWebhook.SIGNATURE_HEADER), body)) {
            LOG.warn("PagerDuty webhook from {} with a missing or wrong signature refused", ex.getRemoteAddress());
            HttpIo.error(ex, 401, "missing or wrong " + PagerDutyWebhook.SIGNATURE_HEADER);
            return;
        }
        PagerDutyWebhook.Outcome outcome = hook.handle(body);
        if (outcome.code() >= 400) {
            HttpIo.error(ex, outcome.code(), outcome.message());
            return;
        }
        java.util.Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("result", outcome.message());
        answer.put("acknowledged", outcome.acknowledged());
        if (outcome.fingerprint() != null) {
            answer.put("fingerprint", outcome.fingerprint());
        }
        HttpIo.json(ex, 200, answer);
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdown();
    }
}
