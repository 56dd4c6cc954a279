package io.opsdeck.teststack;

import io.opsdeck.alertmanager.AlertmanagerClient;
import io.opsdeck.alertmanager.AlertmanagerFleet;
import io.opsdeck.alertmanager.PostableAlert;
import io.opsdeck.alertmanager.TestAlerts;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension: a real Alertmanager 0.25 HA pair (a {@link RealStack} with {@link TestAlerts#CONFIG}), a
 * client for each peer, named {@code am-0} and {@code am-1}, and on demand a fleet of both as cluster {@code eu};
 * fleet and clients close before the peers stop. A test area extends it with what it builds over the pair (e.g.
 * {@code alerts.HaPair}, a workspace), overriding {@link #beforeAll} and calling it first.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final AlertmanagerPair PAIR = new AlertmanagerPair();
 * ...
 * PAIR.postToBoth(alert);
 * opsdeck("alerts", "--url", PAIR.url(0), "--url", PAIR.url(1));
 * }</pre>
 */
public class AlertmanagerPair implements BeforeAllCallback, AfterAllCallback {

    private final RealStack stack = RealStack.builder().alertmanagers(2).alertmanagerConfig(TestAlerts.CONFIG).build();
    private List<AlertmanagerClient> peers = List.of();
    private AlertmanagerFleet fleet;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        stack.beforeAll(context);
        peers = List.of(client(0), client(1));
    }

    private AlertmanagerClient client(int i) {
        return AlertmanagerClient.builder(stack.alertmanagers().get(i).baseUrl()).name("am-" + i).build();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (fleet != null) {
                fleet.close();
            }
            peers.forEach(AlertmanagerClient::close);
        } finally {
            stack.afterAll(context);
        }
    }

    /** The client of peer {@code i} (0 or 1). */
    public AlertmanagerClient peer(int i) {
        return peers.get(i);
    }

    /** Both peers as one cluster, {@code eu}, the way a console or agent is configured with an HA pair. */
    public synchronized AlertmanagerFleet fleet() {
        if (fleet == null) {
            fleet = AlertmanagerFleet.builder().add("eu", peer(0)).add("eu", peer(1)).build();
        }
        return fleet;
    }

    /** The base URL of peer {@code i} as text, e.g. {@code http://127.0.0.1:39213}. */
    public String url(int i) {
        return stack.alertmanagers().get(i).baseUrl().toString();
    }

    /** Posts to both peers, as Prometheus does with an HA pair. */
    public void postToBoth(PostableAlert... alerts) {
        peer(0).postAlerts(List.of(alerts));
        peer(1).postAlerts(List.of(alerts));
    }
}
