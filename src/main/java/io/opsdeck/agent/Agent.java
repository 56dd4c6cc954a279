package io.opsdeck.agent;

import io.opsdeck.notify.Channel;
import io.opsdeck.notify.Channels;
import io.opsdeck.notify.Redactor;
import io.opsdeck.notify.Router;
import io.opsdeck.notify.Templates;
import io.opsdeck.store.Notification;
import io.opsdeck.store.Store;
import io.opsdeck.store.UserDao;
import io.opsdeck.util.Secret;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The headless notification agent: webhook intake (and optional polling), durable outbox, delivery workers,
 * digests, escalation, retention and the HTTP API. Start it, and close it for a graceful shutdown.
 *
 * <pre>{@code
 * try (Agent agent = Agent.start(AgentSettings.load(Path.of("agent.yaml")))) {
 *     // Alertmanager posts to agent.baseUrl().resolve("/api/v1/alertmanager/webhook")
 * }
 * }</pre>
 */
public final class Agent implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

    private final AgentSettings settings;
    private final Store store;
    private final AgentMetrics metrics = new AgentMetrics();
    private final DesktopEvents desktop;
    private final OutboxWorkers workers;
    private final Intake intake;
    private final PagerDutyWebhook pagerDutyWebhook;
    private final ApiAuth auth;
    private final AgentServer server;
    private final AgentRemediation remediation;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("opsdeck-agent-jobs").daemon(true).factory());
    private final OkHttpClient http;
    private final Clock clock;
    private Duration shutdownDeadline = Duration.ofSeconds(10);

    private Agent(AgentSettings settings, Clock clock) throws IOException {
        this.settings = settings;
        this.clock = clock;
        // keep one idle connection per worker: otherwise every burst opens (and the pool scans) fresh connections
        this.http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofSeconds(15))
                .connectionPool(new ConnectionPool(Math.max(16, settings.delivery().workers()), 5, TimeUnit.MINUTES)).build();
        // validate everything before touching the database or the port
        List<Secret> secrets = new ArrayList<>(Channels.secrets(settings.channels()));
        settings.users().forEach(u -> secrets.add(u.token()));
        if (settings.webhookAuth() != null) {
            if (settings.webhookAuth().bearer() != null) {
                secrets.add(settings.webhookAuth().bearer());
            }
            if (settings.webhookAuth().password() != null) {
                secrets.add(settings.webhookAuth().password());
            }
        }
        Templates templates = Templates.load(settings.templates().dir(), new Redactor(settings.templates().redact(), secrets));
        Router router = new Router(settings.routes(), settings.channels(), settings.recipients());
        NotificationFactory factory = new NotificationFactory(templates);
        Map<String, Channel> channels = Channels.create(settings.channels(), http);

        if (settings.store() != null) {
            this.store = Store.open(settings.store().dialect());
        } else {
            Files.createDirectories(settings.database().toAbsolutePath().getParent());
            this.store = Store.open(settings.database());
        }
        AgentRemediation started = null;
        try {
            this.desktop = new DesktopEvents(store);
            this.workers = new OutboxWorkers(store, channels, settings.delivery(), metrics, clock, desktop::signal);
            this.intake = new Intake(store, router, factory, new NoiseControl(store, settings), metrics, settings, clock, workers::wake);
            this.pagerDutyWebhook = new PagerDutyWebhook(settings.channels(), intake);
            Escalator escalator = new Escalator(store, router, factory, metrics, settings, clock, workers::wake);
            Digests digests = new Digests(store, factory, metrics, clock, workers::wake);
            long now = clock.millis();
            List<UserDao.User> users = settings.users().stream()
                    .map(u -> new UserDao.User(u.name(), Role.of(u.role()).name().toLowerCase(), ApiAuth.hash(u.token()))).toList();
            store.writeAndWait(c -> {
                store.users().replaceAll(c, users, now);
                return null;
            });
            this.auth = new ApiAuth(store.read(c -> store.users().all(c)), settings.webhookAuth());
            started = settings.remediation().enabled()
                    ? new AgentRemediation(settings.remediation(), store, metrics, intake, http, clock) : null;
            this.remediation = started;
            if (started != null) {
                schedule(started.engine()::tick, java.time.Duration.ofSeconds(5));
            }
            metrics.outboxDepth(() -> store.outbox().depth());
            store.observeGroups(metrics::storeGroup);
            workers.start();
            schedule(escalator::tick, Duration.ofSeconds(1));
            schedule(digests::flush, settings.noise().digestInterval());
            schedule(() -> store.purgeOlderThan(clock.millis() - settings.retention().toMillis()), Duration.ofHours(1));
            if (!settings.poll().alertmanagers().isEmpty()) {
                AlertmanagerPoller poller = new AlertmanagerPoller(settings.poll(), http, store, intake, clock);
                scheduler.scheduleWithFixedDelay(guard(poller::pollAll), 0, settings.poll().interval().toMillis(), TimeUnit.MILLISECONDS);
            }
            this.server = new AgentServer(this, new ApiHandlers(this));
        } catch (IOException | RuntimeException e) {
            scheduler.shutdownNow();
            if (started != null) {
                started.close();
            }
            store.close();
            throw e;
        }
    }

    /** Validates the settings, opens the store, starts workers and the HTTP server. */
    public static Agent start(AgentSettings settings) {
        return start(settings, Clock.systemUTC());
    }

    public static Agent start(AgentSettings settings, Clock clock) {
        try {
            return new Agent(settings, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the agent on " + settings.listen() + ": " + e.getMessage(), e);
        }
    }

    /** Checks settings and templates without starting anything; returns the problems found. */
    public static List<String> validate(AgentSettings settings) {
        List<String> problems = new ArrayList<>(Templates.validate(settings.templates().dir()));
        try {
            new Router(settings.routes(), settings.channels(), settings.recipients());
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        for (var channel : settings.channels()) {
            // building a channel reads its files (the mail channel's tls.ca_file) and connects nowhere
            try {
                Channels.create(List.of(channel), new OkHttpClient());
            } catch (IllegalArgumentException e) {
                problems.add("channel '" + channel.name() + "': " + e.getMessage());
            }
        }
        return problems;
    }

    private void schedule(Runnable job, Duration every) {
        scheduler.scheduleWithFixedDelay(guard(job), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Runnable guard(Runnable job) {
        return () -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                LOG.warn("Agent job failed: {}", e.getMessage());
            }
        };
    }

    public int port() {
        return server.port();
    }

    public URI baseUrl() {
        return URI.create("http://" + settings.host() + ":" + port());
    }

    public AgentSettings settings() {
        return settings;
    }

    /** How long {@link #close()} waits for deliveries in flight (default 10s). */
    public Agent shutdownDeadline(Duration deadline) {
        this.shutdownDeadline = deadline;
        return this;
    }

    Store store() {
        return store;
    }

    AgentMetrics metrics() {
        return metrics;
    }

    Intake intake() {
        return intake;
    }

    PagerDutyWebhook pagerDutyWebhook() {
        return pagerDutyWebhook;
    }

    ApiAuth auth() {
        return auth;
    }

    /** The remediation engine, or null when remediation is off. */
    io.opsdeck.remediation.RemediationEngine remediation() {
        return remediation == null ? null : remediation.engine();
    }

    DesktopEvents desktop() {
        return desktop;
    }

    boolean ready() {
        return !scheduler.isShutdown();
    }

    /** Queues a copy of a notification with a fresh idempotency key (a deliberate second delivery). */
    Optional<Notification> resend(String id, String actor) {
        Optional<Notification> original = store.outbox().get(id);
        if (original.isEmpty()) {
            return Optional.empty();
        }
        Notification o = original.get();
        long now = clock.millis();
        Notification copy = Notification.pending(UUID.randomUUID().toString(),
                Fingerprints.sha256(o.idempotencyKey(), "resend", String.valueOf(now)).substring(0, 40), o.kind(), o.fingerprint(),
                o.alertname(), o.severity(), o.alertStatus(), o.channel(), o.channelType(), o.recipient(), o.payload(),
                o.rendered(), now, now);
        store.writeAndWait(c -> {
            store.outbox().insert(c, copy);
            store.history().append(c, o.fingerprint(), o.alertStatus(), now, actor, "resent notification " + id);
            return null;
        });
        workers.wake();
        return store.outbox().get(copy.id());
    }

    /** Graceful stop: refuse new webhooks, stop jobs, finish deliveries up to the deadline, close the store. */
    @Override
    public void close() {
        server.stopIntake();
        desktop.close();
        scheduler.shutdownNow();
        workers.close(shutdownDeadline);
        if (remediation != null) {
            remediation.close();
        }
        server.close();
        store.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        LOG.info("Agent stopped");
    }
}
