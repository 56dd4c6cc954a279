package io.opsdeck.console.live;

import io.opsdeck.alertmanager.AlertmanagerClient;
import io.opsdeck.alertmanager.AlertmanagerFleet;
import io.opsdeck.config.AlertmanagerSource;
import io.opsdeck.config.ConfigException;
import io.opsdeck.config.OpsdeckConfig;
import io.opsdeck.dashboard.prometheus.PrometheusRangeExecutor;
import io.opsdeck.config.PrometheusSource;
import io.opsdeck.console.AgentNotificationFeed;
import io.opsdeck.console.ConsolePreferences;
import io.opsdeck.console.ConsoleServices;
import io.opsdeck.console.HostDirectory;
import io.opsdeck.console.InMemorySourceSettingsStore;
import io.opsdeck.console.JsonFilePreferences;
import io.opsdeck.console.ListRoleCatalogue;
import io.opsdeck.console.SecretStore;
import io.opsdeck.console.SourceHealth;
import io.opsdeck.console.SourceKind;
import io.opsdeck.console.SourceSettingsStore;
import io.opsdeck.dashboard.DatasourceResolver;
import io.opsdeck.http.HttpClients;
import io.opsdeck.prometheus.PrometheusClient;
import java.io.Closeable;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's real services for a configuration: roles, dashboards from the dashboards folders, and pollers for
 * source health, alerts and hosts on the scheduler passed in. Closing stops the pollers and closes every client
 * (not the scheduler, which the caller owns).
 *
 * <pre>{@code
 * try (LiveConsole live = LiveConsole.builder(config, scheduler).build()) {   // ConfigException: file:line problems
 *     ConsoleLauncher.run(live.services(), options);
 * }
 * }</pre>
 */
public final class LiveConsole implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveConsole.class);

    private final ConsoleServices services;
    private final FileDashboardCatalogue dashboards;
    private final List<java.nio.file.Path> dashboardDirs;
    private final Optional<PrometheusRangeExecutor> queries;
    private final List<AutoCloseable> resources;
    private final AlertmanagerFleet fleet;
    private final String operator;
    private java.util.concurrent.CompletableFuture<?> dashboardsLoaded = java.util.concurrent.CompletableFuture.completedFuture(null);
    private io.opsdeck.alerts.AlertActionListener alertActions = new io.opsdeck.alerts.LoggingAlertActionListener();
    private FleetAlertFeed alertFeed;

    private LiveConsole(ConsoleServices services, FileDashboardCatalogue dashboards, List<java.nio.file.Path> dashboardDirs,
                        Optional<PrometheusRangeExecutor> queries, List<AutoCloseable> resources,
                        AlertmanagerFleet fleet, String operator) {
        this.services = services;
        this.fleet = fleet;
        this.operator = operator;
        this.dashboards = dashboards;
        this.dashboardDirs = List.copyOf(dashboardDirs);
        this.queries = queries;
        this.resources = resources;
    }

    /** Defaults: see {@link Builder}. */
    public static Builder builder(OpsdeckConfig config, ScheduledExecutorService scheduler) {
        return new Builder(config, scheduler);
    }

    public ConsoleServices services() {
        return services;
    }

    /** The dashboards catalogue with the full models, for the dashboards renderer. */
    public FileDashboardCatalogue dashboards() {
        return dashboards;
    }

    /**
     * Waits until the dashboards folders have been read (they are read in the background from {@link Builder#build}).
     * Call it before opening a window on {@link #services()}: the window takes the role's dashboards from the
     * catalogue once, when it is built, and an empty catalogue leaves it without a dashboard.
     */
    public LiveConsole awaitDashboards() {
        try {
            dashboardsLoaded.join();
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            LOG.warn("Reading the dashboards folders failed: {}", e.getMessage()); // the window shows none
        }
        return this;
    }

    /** The folders dashboards are read from, in the configured order. */
    public List<java.nio.file.Path> dashboardDirs() {
        return dashboardDirs;
    }

    /** Every configured Prometheus by name ("default" is the default one); empty with no Prometheus configured. */
    public Optional<PrometheusRangeExecutor> queries() {
        return queries;
    }

    /**
     * The feed behind the top bar's counts ({@code services().alerts()}); the Alerts workspace refreshes through its
     * {@link FleetAlertFeed#fetch}, so both show one answer of the fleet.
     */
    public FleetAlertFeed alertFeed() {
        return alertFeed;
    }

    /** The configured Alertmanagers, HA peers merged per cluster; empty when none is configured. Closed by {@link #close}. */
    public Optional<AlertmanagerFleet> fleet() {
        return fleet.clusters().isEmpty() ? Optional.empty() : Optional.of(fleet);
    }

    /** Who acknowledgements and silences are made by: the config's {@code operator}, else the OS user. */
    public String operator() {
        return operator;
    }

    /**
     * Told of every silence and acknowledgement the console makes: logged, and appended to the agent's audit log
     * when an agent is configured.
     */
    public io.opsdeck.alerts.AlertActionListener alertActions() {
        return alertActions;
    }

    @Override
    public void close() {
        for (AutoCloseable r : resources.reversed()) {
            try {
                r.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed", r, e);
            }
        }
    }

    /** Builder; every interval and service has a default. */
    public static final class Builder {
        private final OpsdeckConfig config;
        private final ScheduledExecutorService scheduler;
        private Clock clock = Clock.systemDefaultZone();
        private Duration healthInterval = Duration.ofSeconds(15);
        private Duration alertInterval = Duration.ofSeconds(10);
        private Duration hostInterval = Duration.ofMinutes(1);
        private ConsolePreferences preferences;
        private SecretStore secretStore;
        private Map<String, String> env = System.getenv();
        private java.util.concurrent.CompletionStage<?> pollAfter = java.util.concurrent.CompletableFuture.completedFuture(null);

        private Builder(OpsdeckConfig config, ScheduledExecutorService scheduler) {
            this.config = Objects.requireNonNull(config, "config");
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        }

        /** Default: the system clock. */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** How often every source is asked whether it is there. Default 15 s. */
        public Builder healthInterval(Duration value) {
            this.healthInterval = value;
            return this;
        }

        /** How often Alertmanagers are asked for alerts. Default 10 s. */
        public Builder alertInterval(Duration value) {
            this.alertInterval = value;
            return this;
        }

        /** How often the host list is refreshed. Default 1 min. */
        public Builder hostInterval(Duration value) {
            this.hostInterval = value;
            return this;
        }

        /** Default: {@code JsonFilePreferences.open(JsonFilePreferences.defaultPath())}. */
        public Builder preferences(ConsolePreferences value) {
            this.preferences = value;
            return this;
        }

        /** Default: {@link ConsoleServices#defaultSecretStore()}. */
        public Builder secretStore(SecretStore value) {
            this.secretStore = value;
            return this;
        }

        /** Where the connection tester looks up {@code ${VAR}} references. Default: the process environment. */
        public Builder environment(Map<String, String> value) {
            this.env = Map.copyOf(value);
            return this;
        }

        /**
         * The pollers (source health, alerts, hosts, the agent's event stream) make their first call when
         * {@code signal} completes, normally or not, e.g. when the console has painted its first dashboard: their
         * first calls load and run Jackson and OkHttp, which would compete with the window's build for the
         * machine's cores. Until then the sources read "never answered". Default: at once, in {@link #build}.
         */
        public Builder pollAfter(java.util.concurrent.CompletionStage<?> signal) {
            this.pollAfter = Objects.requireNonNull(signal, "signal");
            return this;
        }

        /** Binds the config's sections, builds the clients and starts polling (see {@link #pollAfter}). */
        public LiveConsole build() throws ConfigException {
            ListRoleCatalogue roles = new ListRoleCatalogue(ConfiguredRoles.load(config));
            List<java.nio.file.Path> dirs = DashboardDirs.of(config);
            // The window waits for the dashboards folders' read and the preferences (Jackson's first ObjectMapper):
            // both start first, beside the client set-up below (docs/performance.md, "Console start-up", fourth pass).
            FileDashboardCatalogue dashboards = new FileDashboardCatalogue(dirs, DatasourceResolver.single(
                    config.defaultPrometheus().map(PrometheusSource::name).orElse("default")));
            var loading = dashboards.loadAsync(r -> Thread.ofVirtual().name("dashboards-load").start(r));
            java.util.concurrent.CompletableFuture<ConsolePreferences> prefs = preferences != null
                    ? java.util.concurrent.CompletableFuture.completedFuture(preferences)
                    : java.util.concurrent.CompletableFuture.supplyAsync(() -> JsonFilePreferences.open(JsonFilePreferences.defaultPath()),
                            r -> Thread.ofVirtual().name("preferences-read").start(r));
            Optional<AgentEndpoint> agent = AgentEndpoint.of(config);
            List<AutoCloseable> resources = new ArrayList<>();
            List<SourceHealthPoller.Target> targets = new ArrayList<>();
            PollStart polls = new PollStart();
            PrometheusClient defaultClient = null;
            java.util.Map<String, PrometheusClient> byName = new java.util.LinkedHashMap<>();
            for (PrometheusSource p : config.prometheus()) {
                OkHttpClient http = HttpClients.forSource(p.connection());
                resources.add(() -> shutdown(http));
                PrometheusClient client = PrometheusClient
                        .builder(p.connection().url().uri()).name(p.name()).httpClient(http)
                        .timeout(p.connection().timeout()).maxResponseBytes(p.connection().maxResponseBytes()).build();
                resources.add(client);
                byName.put(p.name(), client);
                targets.add(new SourceHealthPoller.Target(p.name(), SourceKind.PROMETHEUS, client::buildInfo));
                if (config.defaultPrometheus().map(d -> d.name().equals(p.name())).orElse(false)) {
                    defaultClient = client;
                }
            }
            AlertmanagerFleet.Builder fleetBuilder = AlertmanagerFleet.builder().clock(clock);
            for (AlertmanagerSource am : config.alertmanagers()) {
                OkHttpClient http = HttpClients.forSource(am.connection());
                resources.add(() -> shutdown(http));
                AlertmanagerClient client = AlertmanagerClient.builder(am.connection().url().uri()).name(am.name())
                        .httpClient(http).timeout(am.connection().timeout())
                        .maxResponseBytes(am.connection().maxResponseBytes()).build();
                resources.add(client);
                fleetBuilder.add(am.cluster(), client);
                targets.add(new SourceHealthPoller.Target(am.name(), SourceKind.ALERTMANAGER, client::status));
            }
            AlertmanagerFleet fleet = fleetBuilder.build();
            resources.add(fleet);
            List<SourceHealth> fixed = new ArrayList<>();
            AgentNotificationFeed agentNotifications = AgentNotificationFeed.NONE;
            Optional<io.opsdeck.console.RemediationService> remediation = Optional.empty();
            io.opsdeck.alerts.AlertActionListener audit = null;
            if (agent.isPresent()) {
                OkHttpClient http = HttpClients.forSource(agent.get().connection());
                resources.add(() -> shutdown(http));
                targets.add(new SourceHealthPoller.Target("agent", SourceKind.AGENT, new AgentProbe(agent.get().connection(), http)));
                AgentEventStream events = AgentEventStream.builder(agent.get().connection()).build();
                polls.add(events::start);
                resources.add(events);
                agentNotifications = events;
                remediation = Optional.of(new AgentRemediationService(agent.get().connection(), http, clock));
                java.util.concurrent.ExecutorService auditPosts = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
                resources.add(auditPosts::close);
                audit = new AgentAuditListener(agent.get().connection(), http, auditPosts);
            } else {
                fixed.add(new SourceHealth("agent", SourceKind.AGENT, null, "agent: not configured"));
            }

            SourceHealthPoller health = new SourceHealthPoller(targets, fixed, clock);
            polls.add(() -> health.start(scheduler, healthInterval));
            resources.add(health);
            FleetAlertFeed alerts = new FleetAlertFeed(fleet);
            if (!config.alertmanagers().isEmpty()) {
                polls.add(() -> alerts.start(scheduler, alertInterval));
            }
            resources.add(alerts);
            HostDirectory hosts = List::of;
            if (defaultClient != null) {
                PrometheusHostDirectory directory = new PrometheusHostDirectory(defaultClient);
                polls.add(() -> directory.start(scheduler, hostInterval));
                resources.add(directory);
                hosts = directory;
            }
            SourceSettingsStore settings = config.file().<SourceSettingsStore>map(YamlSourceSettingsStore::new)
                    .orElseGet(() -> new InMemorySourceSettingsStore(List.of()));
            io.opsdeck.console.AgentHistory history = io.opsdeck.console.AgentHistory.none();
            if (agent.isPresent()) {
                AgentHistoryLive agentHistory = AgentHistoryLive.connect(agent.get());
                resources.add(agentHistory);
                history = agentHistory.history();
            }
            ConsoleServices services = new ConsoleServices(roles, dashboards, hosts, health, alerts,
                    prefs.join(),
                    settings, new ClientConnectionTester(Duration.ofSeconds(5), clock, env),
                    secretStore != null ? secretStore : ConsoleServices.defaultSecretStore(), clock, agentNotifications,
                    remediation, history);
            Optional<PrometheusRangeExecutor> queries = Optional.empty();
            if (defaultClient != null) {
                PrometheusRangeExecutor.Builder executor = PrometheusRangeExecutor.builder(defaultClient);
                byName.forEach(executor::source);
                queries = Optional.of(executor.build());
            }
            resources.add(polls); // closed first: a signal that comes later starts nothing
            pollAfter.whenComplete((v, e) -> polls.run());
            LiveConsole live = new LiveConsole(services, dashboards, dirs, queries, resources, fleet, config.operator());
            live.dashboardsLoaded = loading;
            live.alertFeed = alerts;
            if (audit != null) {
                io.opsdeck.alerts.AlertActionListener log = live.alertActions, agentAudit = audit;
                live.alertActions = a -> {
                    log.onAction(a);
                    agentAudit.onAction(a);
                };
            }
            return live;
        }

        /** The pollers' starts, run once by the {@link #pollAfter} signal unless the console was closed first. */
        private static final class PollStart implements AutoCloseable {
            private final List<Runnable> starts = new ArrayList<>();
            private boolean started;
            private boolean closed;

            synchronized void add(Runnable start) {
                starts.add(start);
            }

            synchronized void run() {
                if (!started && !closed) {
                    started = true;
                    starts.forEach(Runnable::run);
                }
            }

            @Override
            public synchronized void close() {
                closed = true;
            }
        }

        private static void shutdown(OkHttpClient http) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
