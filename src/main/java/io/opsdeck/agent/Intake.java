package io.opsdeck.agent;

import io.opsdeck.notify.Alert;
import io.opsdeck.notify.Message;
import io.opsdeck.notify.Router;
import io.opsdeck.notify.Severity;
import io.opsdeck.store.AlertState;
import io.opsdeck.store.Notification;
import io.opsdeck.store.Store;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Accepts alert changes (webhook or poller) and returns only once the resulting notifications are committed
 * durably. Routing and rendering happen before the transaction; the transaction de-duplicates on
 * (groupKey, fingerprint, status, startsAt), records history and applies noise control.
 */
final class Intake {

    private record Prepared(Alert alert, String dedupKey, List<Router.Target> targets, List<Notification> notifications) {
    }

    private final Store store;
    private final Router router;
    private final NotificationFactory factory;
    private final NoiseControl noise;
    private final AgentMetrics metrics;
    private final Map<String, AgentSettings.EscalationPolicy> policies;
    private final Clock clock;
    private final Runnable wake;
    private volatile java.util.function.Consumer<List<Alert>> accepted = a -> { };

    Intake(Store store, Router router, NotificationFactory factory, NoiseControl noise, AgentMetrics metrics,
            AgentSettings settings, Clock clock, Runnable wake) {
        this.store = store;
        this.router = router;
        this.factory = factory;
        this.noise = noise;
        this.metrics = metrics;
        this.policies = settings.escalations().stream().collect(Collectors.toMap(AgentSettings.EscalationPolicy::name, Function.identity()));
        this.clock = clock;
        this.wake = wake;
    }

    /** Called with every accepted batch once it is durable (remediation listens here; redeliveries included). */
    void onAccepted(java.util.function.Consumer<List<Alert>> listener) {
        this.accepted = listener;
    }

    /** Returns how many alert changes were new (not redeliveries). Blocks until durable. */
    int accept(String source, String groupKey, List<Alert> alerts) {
        long now = clock.millis();
        List<Prepared> prepared = new ArrayList<>(alerts.size());
        for (Alert a : alerts) {
            String dedupKey = Fingerprints.sha256(groupKey, a.fingerprint(), a.status(), String.valueOf(a.startsAt())).substring(0, 40);
            List<Router.Target> targets = router.route(a, clock.instant());
            List<Notification> rows = targets.stream()
                    .map(t -> factory.build("alert", Message.of(a), t, dedupKey, t.notBefore().toEpochMilli(), now)).toList();
            prepared.add(new Prepared(a, dedupKey, targets, rows));
        }
        int created = store.writeAndWait(c -> {
            int n = 0;
            for (Prepared p : prepared) {
                n += apply(c, source, p, now) ? 1 : 0;
            }
            return n;
        });
        if (created > 0) {
            wake.run();
        }
        accepted.accept(alerts);
        return created;
    }

    private boolean apply(Connection c, String source, Prepared p, long now) throws SQLException {
        if (!store.history().recordIntake(c, p.dedupKey(), source, now)) {
            return false;
        }
        Alert alert = p.alert();
        Optional<AlertState> previous = store.history().state(c, alert.fingerprint());
        String prevState = previous.map(AlertState::state).orElse(null);
        String state = alert.resolved() ? "resolved" : "acknowledged".equals(prevState) ? "acknowledged" : "firing";
        if (!state.equals(prevState)) {
            store.history().append(c, alert.fingerprint(), state, now, source, alert.alertname());
        }
        if (alert.resolved()) {
            store.escalations().stop(c, alert.fingerprint(), "resolved", now);
        }
        var repeat = p.targets().stream().map(Router.Target::repeatInterval).filter(r -> r != null).findFirst().orElse(null);
        NoiseControl.Verdict verdict = noise.judge(c, alert, previous, repeat, now);
        boolean notified = false;
        if (verdict == NoiseControl.Verdict.FLAPPING_SUMMARY) {
            store.history().append(c, alert.fingerprint(), state, now, NoiseControl.FLAP_ACTOR, "flapping");
            Message flap = new Message("flapping", List.of(alert), 0, "changed state repeatedly within the flapping window");
            for (Router.Target t : p.targets()) {
                insert(c, factory.build("flapping", flap, t, p.dedupKey(), t.notBefore().toEpochMilli(), now));
            }
            notified = true;
        } else {
            for (Notification n : p.notifications()) {
                Notification row = switch (verdict) {
                    case NOTIFY -> noise.digest(alert) ? n.with(Notification.HELD, "digest severity")
                            : noise.overLimit(n.channel(), now) ? n.with(Notification.HELD, "channel rate limit") : n;
                    case SUPPRESS_ACKNOWLEDGED -> n.with(Notification.SUPPRESSED, "alert is acknowledged");
                    case SUPPRESS_FLAPPING -> n.with(Notification.SUPPRESSED, "alert is flapping (already reported)");
                    default -> n.with(Notification.SUPPRESSED, "repeat within the repeat interval");
                };
                insert(c, row);
                notified |= Notification.PENDING.equals(row.status()) || Notification.HELD.equals(row.status());
            }
        }
        if (!alert.resolved() && alert.severity() == Severity.CRITICAL && !"acknowledged".equals(state)) {
            for (Router.Target t : p.targets()) {
                AgentSettings.EscalationPolicy policy = t.escalation() == null ? null : policies.get(t.escalation());
                if (policy != null) {
                    store.escalations().start(c, alert.fingerprint(), policy.name(),
                            now + policy.tiers().get(0).after().toMillis(), NotificationFactory.write(alert), now);
                    break;
                }
            }
        }
        store.history().putState(c, new AlertState(alert.fingerprint(), state, alert.alertname(), alert.severity().lower(),
                NotificationFactory.write(alert.labels()), now,
                notified ? Long.valueOf(now) : previous.map(AlertState::lastNotifiedAt).orElse(null),
                alertmanager(alert).orElseGet(() -> previous.map(AlertState::alertmanager).orElse(null))));
        return true;
    }

    /**
     * The Alertmanager an alert came from, as the console can match it against its sources: the webhook payload's
     * {@code externalURL} or the URL the poller asked, without trailing slashes; empty when the payload names none.
     */
    static Optional<String> alertmanager(Alert alert) {
        String url = alert.externalUrl();
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(url.strip().replaceAll("/+$", ""));
    }

    private void insert(Connection c, Notification n) throws SQLException {
        if (store.outbox().insert(c, n)) {
            metrics.notification(n.channel(), Notification.PENDING.equals(n.status()) ? "queued" : n.status());
        }
    }

    /** Marks an alert acknowledged (console, ACK! silence, PagerDuty) and stops its escalation. */
    boolean acknowledge(String fingerprint, String actor, String details) {
        return acknowledge(fingerprint, actor, details, true);
    }

    /** As above; {@code tellPagerDuty} false when the acknowledgement came from PagerDuty itself. */
    boolean acknowledge(String fingerprint, String actor, String details, boolean tellPagerDuty) {
        long now = clock.millis();
        boolean done = store.writeAndWait(c -> {
            Optional<AlertState> s = store.history().state(c, fingerprint);
            if (s.isEmpty() || !"firing".equals(s.get().state())) {
                return false;
            }
            AlertState prev = s.get();
            store.history().putState(c, new AlertState(fingerprint, "acknowledged", prev.alertname(), prev.severity(),
                    prev.labels(), now, prev.lastNotifiedAt(), prev.alertmanager()));
            store.history().append(c, fingerprint, "acknowledged", now, actor, details);
            store.escalations().stop(c, fingerprint, "acknowledged", now);
            if (tellPagerDuty) {
                acknowledgePages(c, fingerprint, now);
            }
            return true;
        });
        wake.run();
        return done;
    }

    /** PagerDuty incidents opened for the alert get an "acknowledge" event with the same dedup_key. */
    private void acknowledgePages(Connection c, String fingerprint, long now) throws SQLException {
        Map<String, Notification> latestPerTarget = new java.util.LinkedHashMap<>();
        for (Notification n : store.outbox().forAlert(c, fingerprint, "pagerduty")) {
            latestPerTarget.put(n.channel() + "\u0000" + n.recipient(), n);
        }
        for (Notification n : latestPerTarget.values()) {
            if (!"firing".equals(n.alertStatus())) {
                continue;
            }
            NotificationFactory.Payload p = NotificationFactory.payload(n);
            Alert a = p.message().first();
            Alert acked = new Alert(a.fingerprint(), "acknowledged", a.labels(), a.annotations(), a.startsAt(), a.endsAt(),
                    a.generatorUrl(), a.externalUrl(), a.receiver());
            Message m = new Message(p.message().kind(), List.of(acked), p.message().tier(), p.message().note());
            String key = Fingerprints.sha256(n.idempotencyKey(), "acknowledge").substring(0, 40);
            insert(c, Notification.pending(java.util.UUID.randomUUID().toString(), key, n.kind(), fingerprint, n.alertname(),
                    n.severity(), "acknowledged", n.channel(), n.channelType(), n.recipient(),
                    NotificationFactory.write(new NotificationFactory.Payload(p.address(), m)), n.rendered(), now, now));
        }
    }
}
