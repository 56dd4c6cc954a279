package io.opsdeck.remediation;

import com.fasterxml.jackson.core.type.TypeReference;
import io.opsdeck.notify.Alert;
import io.opsdeck.prometheus.PrometheusClient;
import io.opsdeck.store.Store;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/**
 * Alerts in, remediation out: matches alerts to plans, validates parameters, assesses risk, applies the approval
 * policy and the safety limits, runs admitted actions off the caller's thread and audits every step.
 *
 * <pre>{@code
 * try (RemediationEngine engine = RemediationEngine.builder(store, settings)
 *         .plans(PlanLoader.load(settings.plans(), settings)).prometheus(client).build()) {
 *     engine.onAlerts(alerts);                       // from the agent's webhook intake
 *     engine.approve(id, "alice", "looks right");    // from the API
 * }
 * }</pre>
 */
public final class RemediationEngine implements AutoCloseable {

    static final String SYSTEM = "alertmanager";
    static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() { };
    static final TypeReference<List<String>> REASONS = new TypeReference<>() { };

    final Store store;
    final RemediationSettings settings;
    final Map<String, RemediationPlan> plans = new LinkedHashMap<>();
    final Clock clock;
    final Audit audit;
    final ActionRunner runner;
    final ActionRenderer renderer;
    final RiskAssessor risk;
    final SafetyGuard guard;
    final RemediationMetrics metrics;
    final Executions executions;
    final Consumer<RemediationEvent> events;
    final PrometheusClient prometheus;
    final Toggles toggles;
    private final RequestDrafts drafts;
    private final RequestIntake intake;
    private final Approvals approvals;
    private final RequestClosing closing;
    private final RequestViews views;
    private volatile long fleetSizeAt;
    private volatile int fleetSize;

    private RemediationEngine(Builder b) {
        this.store = b.store;
        this.settings = b.settings;
        b.plans.forEach(p -> plans.put(p.name(), p));
        this.clock = b.clock;
        this.audit = new Audit(store);
        this.runner = new ActionRunner(b.http == null ? new OkHttpClient() : b.http);
        this.renderer = new ActionRenderer(settings);
        this.risk = new RiskAssessor(settings);
        this.guard = new SafetyGuard(settings);
        this.events = b.events;
        this.prometheus = b.prometheus;
        this.toggles = new Toggles(this);
        this.metrics = new RemediationMetrics(b.registry == null ? new PrometheusRegistry() : b.registry,
                () -> store.remediation().search(List.of("pending_approval"), null, null, null, 10_000).size());
        this.executions = new Executions(store, audit, runner, renderer, prometheus, settings, metrics, clock, toggles::afterFinish);
        this.drafts = new RequestDrafts(this);
        this.closing = new RequestClosing(this);
        Admission admission = new Admission(this);
        this.intake = new RequestIntake(this, drafts, admission);
        this.approvals = new Approvals(this, drafts, admission, closing);
        this.views = new RequestViews(this);
        long hourAgo = clock.millis() - 3_600_000L;
        store.read(c -> store.remediation().startedSince(c, hourAgo)).forEach(s -> guard.record(s[0], s[1], Long.parseLong(s[2])));
    }

    public static Builder builder(Store store, RemediationSettings settings) {
        return new Builder(store, settings);
    }

    /** The loaded plans. */
    public List<RemediationPlan> plans() {
        return List.copyOf(plans.values());
    }

    /** Handles one delivery of alerts (firing and resolved); returns how many new requests it created. */
    public int onAlerts(List<Alert> alerts) {
        List<Alert> firing = new ArrayList<>();
        for (Alert a : alerts) {
            if (a.resolved()) {
                closing.resolved(a.fingerprint());
            } else {
                firing.add(a);
            }
        }
        return firing.isEmpty() ? 0 : intake.fromAlerts(firing);
    }

    /** Plans that apply to an alert's labels, with their risk now and what they would need. */
    public List<PlanOption> plansFor(Map<String, String> labels) {
        return drafts.options(labels);
    }

    public Outcome approve(String id, String approver, String comment) {
        return approvals.approve(id, approver, comment);
    }

    public Outcome reject(String id, String actor, String comment) {
        return approvals.reject(id, actor, comment);
    }

    public Outcome cancel(String id, String actor) {
        return approvals.cancel(id, actor);
    }

    /** Starts a plan by hand for an alert's labels; {@code admin} is required for critical risk. */
    public Outcome trigger(String plan, String fingerprint, Map<String, String> labels, String actor, boolean admin, String comment) {
        return intake.trigger(plan, fingerprint, labels, actor, admin, comment);
    }

    public List<RemediationRequest> pending() {
        return views.view(store.remediation().search(List.of("pending_approval"), null, null, null, 500));
    }

    /** Requests running or verifying now, with their live output. */
    public List<RemediationRequest> running() {
        Map<String, String> live = executions.live();
        return views.view(store.remediation().search(List.of("queued", "running", "verifying"), null, null, null, 500)).stream()
                .map(r -> live.containsKey(r.id()) ? RequestViews.withOutput(r, live.get(r.id())) : r).toList();
    }

    public List<RemediationRequest> history(String plan, String target, String result, int limit) {
        return views.view(store.remediation().search(null, plan, target, result, limit));
    }

    public java.util.Optional<RemediationRequest> get(String id) {
        return store.remediation().get(id).map(r -> views.view(List.of(r)).get(0));
    }

    /** Current toggles: {@code auto}, {@code dry_run} and {@code plan.NAME} (false = disabled, e.g. by the circuit breaker). */
    public Map<String, Boolean> toggles() {
        return toggles.all();
    }

    public void setToggle(String name, boolean value, String actor) {
        toggles.set(name, value, actor);
    }

    /** Appends a console action (silence, acknowledgement) to the audit log. */
    public long appendAudit(String actor, String kind, Map<String, ?> details) {
        if (kind == null || !kind.matches("[a-z_]{1,32}")) {
            throw new IllegalArgumentException("audit kind must be 1-32 lower-case letters or '_', not '" + kind + "'");
        }
        long now = clock.millis();
        return store.writeAndWait(c -> store.audit().append(c, now, actor, "console_" + kind, null, null, null,
                Audit.json(details == null ? Map.of() : details)).id());
    }

    /** Expires pending requests whose approval time ran out; the agent calls this every few seconds. */
    public void tick() {
        closing.expire();
    }

    /** Processes started and HTTP calls made so far (tests prove hostile input reached neither). */
    public long processesStarted() {
        return runner.processesStarted();
    }

    public long httpCalls() {
        return runner.httpCalls();
    }

    int fleetSize(int atLeast) {
        if (settings.fleetSize() != null) {
            return settings.fleetSize();
        }
        long now = clock.millis();
        if (prometheus != null && now - fleetSizeAt > 60_000) {
            try {
                var r = prometheus.query("count(count by (instance) (up))", Instant.ofEpochMilli(now));
                fleetSize = r.series().isEmpty() ? 0 : (int) r.scalar();
            } catch (RuntimeException e) {
                fleetSize = 0;
            }
            fleetSizeAt = now;
        }
        return Math.max(fleetSize, atLeast);
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static Set<String> set(List<String> l) {
        return new LinkedHashSet<>(l);
    }

    /** Stops running actions and the executor. */
    @Override
    public void close() {
        executions.close();
    }

    /** Builder; defaults: no plans, no Prometheus (verification fails), a private metrics registry, UTC clock. */
    public static final class Builder {
        private final Store store;
        private final RemediationSettings settings;
        private List<RemediationPlan> plans = List.of();
        private PrometheusClient prometheus;
        private PrometheusRegistry registry;
        private OkHttpClient http;
        private Clock clock = Clock.systemUTC();
        private Consumer<RemediationEvent> events = e -> { };

        private Builder(Store store, RemediationSettings settings) {
            this.store = store;
            this.settings = settings;
        }

        public Builder plans(List<RemediationPlan> plans) {
            this.plans = List.copyOf(plans);
            return this;
        }

        public Builder prometheus(PrometheusClient client) {
            this.prometheus = client;
            return this;
        }

        public Builder registry(PrometheusRegistry registry) {
            this.registry = registry;
            return this;
        }

        public Builder http(OkHttpClient client) {
            this.http = client;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder events(Consumer<RemediationEvent> listener) {
            this.events = listener;
            return this;
        }

        public RemediationEngine build() {
            return new RemediationEngine(this);
        }
    }
}
