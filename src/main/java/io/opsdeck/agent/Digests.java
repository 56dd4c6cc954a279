package io.opsdeck.agent;

import io.opsdeck.notify.Alert;
import io.opsdeck.notify.Message;
import io.opsdeck.notify.Router;
import io.opsdeck.store.Notification;
import io.opsdeck.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every digest interval, folds held notifications into one message per channel and recipient. */
final class Digests {

    private final Store store;
    private final NotificationFactory factory;
    private final AgentMetrics metrics;
    private final Clock clock;
    private final Runnable wake;

    Digests(Store store, NotificationFactory factory, AgentMetrics metrics, Clock clock, Runnable wake) {
        this.store = store;
        this.factory = factory;
        this.metrics = metrics;
        this.clock = clock;
        this.wake = wake;
    }

    /** Sends the digests; returns how many were queued. */
    int flush() {
        long now = clock.millis();
        int queued = store.writeAndWait(c -> {
            Map<String, List<Notification>> groups = new LinkedHashMap<>();
            for (Notification n : store.outbox().held(c)) {
                groups.computeIfAbsent(n.channel() + "\u0000" + n.recipient(), k -> new ArrayList<>()).add(n);
            }
            int count = 0;
            for (List<Notification> group : groups.values()) {
                Notification first = group.get(0);
                List<Alert> alerts = group.stream().map(n -> NotificationFactory.payload(n).message().first()).toList();
                String address = NotificationFactory.payload(first).address();
                Router.Target target = new Router.Target(first.channel(), first.channelType(), first.recipient(), address,
                        Instant.ofEpochMilli(now), "digest", null, null);
                String base = "digest:" + Fingerprints.sha256(group.stream().map(Notification::id).toArray(String[]::new));
                Notification digest = factory.build("digest", new Message("digest", alerts, 0, null), target, base, now, now);
                store.outbox().insert(c, digest);
                metrics.notification(digest.channel(), "queued");
                for (Notification n : group) {
                    store.outbox().markSuppressed(c, n.id(), "sent in digest " + digest.id(), now);
                }
                count++;
            }
            return count;
        });
        if (queued > 0) {
            wake.run();
        }
        return queued;
    }
}
