package io.opsdeck.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.opsdeck.notify.Alert;
import io.opsdeck.notify.Message;
import io.opsdeck.notify.Router;
import io.opsdeck.store.Escalation;
import io.opsdeck.store.Notification;
import io.opsdeck.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Moves unacknowledged criticals up their escalation policy's tiers; ack or resolve stops the chain. */
final class Escalator {

    private static final Logger LOG = LoggerFactory.getLogger(Escalator.class);

    private final Store store;
    private final Router router;
    private final NotificationFactory factory;
    private final AgentMetrics metrics;
    private final Map<String, AgentSettings.EscalationPolicy> policies;
    private final Clock clock;
    private final Runnable wake;

    Escalator(Store store, Router router, NotificationFactory factory, AgentMetrics metrics, AgentSettings settings,
            Clock clock, Runnable wake) {
        this.store = store;
        this.router = router;
        this.factory = factory;
        this.metrics = metrics;
        this.policies = settings.escalations().stream().collect(Collectors.toMap(AgentSettings.EscalationPolicy::name, Function.identity()));
        this.clock = clock;
        this.wake = wake;
        for (AgentSettings.EscalationPolicy p : settings.escalations()) {
            for (AgentSettings.EscalationPolicy.Tier t : p.tiers()) {
                t.channels().forEach(c -> router.requireChannel(c, "escalation '" + p.name() + "'"));
                t.recipients().forEach(r -> router.requireRecipient(r, "escalation '" + p.name() + "'"));
            }
        }
        for (var route : settings.routes()) {
            if (route.escalation() != null && !policies.containsKey(route.escalation())) {
                throw new IllegalArgumentException("route '" + route.name() + "' names unknown escalation '" + route.escalation() + "'");
            }
        }
    }

    /** Escalates every chain that is due; returns how many tiers were notified. */
    int tick() {
        long now = clock.millis();
        int escalated = store.writeAndWait(c -> {
            int n = 0;
            for (Escalation e : store.escalations().due(c, now)) {
                AgentSettings.EscalationPolicy policy = policies.get(e.policy());
                if (policy == null || e.tier() >= policy.tiers().size()) {
                    store.escalations().advance(c, e.fingerprint(), e.tier(), e.nextAt(), "exhausted", now);
                    continue;
                }
                AgentSettings.EscalationPolicy.Tier tier = policy.tiers().get(e.tier());
                Alert alert = alert(e);
                Message message = new Message("escalation", List.of(alert), e.tier() + 1, null);
                List<Router.Target> targets = router.targets(tier.channels(), tier.recipients(), alert, Instant.ofEpochMilli(now),
                        "escalation:" + policy.name(), null, null);
                String base = "escalation:" + e.fingerprint() + ":" + alert.startsAt() + ":" + e.tier();
                for (Router.Target t : targets) {
                    Notification row = factory.build("escalation", message, t, base, t.notBefore().toEpochMilli(), now);
                    if (store.outbox().insert(c, row)) {
                        metrics.notification(row.channel(), "queued");
                    }
                }
                int next = e.tier() + 1;
                boolean more = next < policy.tiers().size();
                store.escalations().advance(c, e.fingerprint(), next,
                        more ? now + policy.tiers().get(next).after().toMillis() : now, more ? "active" : "exhausted", now);
                store.history().append(c, e.fingerprint(), "firing", now, "escalation", "escalated to tier " + next + " of " + policy.name());
                metrics.escalated(policy.name());
                n++;
            }
            return n;
        });
        if (escalated > 0) {
            LOG.info("Escalated {} unacknowledged alerts", escalated);
            wake.run();
        }
        return escalated;
    }

    private static Alert alert(Escalation e) {
        try {
            return NotificationFactory.JSON.readValue(e.payload(), Alert.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("escalation for " + e.fingerprint() + " has an unreadable alert", ex);
        }
    }
}
