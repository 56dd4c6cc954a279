package io.opsdeck.ui.alerts;

import static org.awaitility.Awaitility.await;

import io.opsdeck.alertmanager.AlertQuery;
import io.opsdeck.alertmanager.AlertmanagerClient;
import io.opsdeck.alertmanager.PostableAlert;
import io.opsdeck.alertmanager.Silence;
import io.opsdeck.alertmanager.SilenceState;
import io.opsdeck.alerts.AlertWorkspace;
import io.opsdeck.teststack.AlertmanagerPair;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension: a real Alertmanager HA pair ({@link AlertmanagerPair}: its peers, its fleet, cluster "eu") and
 * the UI services over it, acting as operator "ana"; ready before {@code @BeforeAll} methods run, closed after
 * {@code @AfterAll}.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final AlertPair PAIR = new AlertPair();
 * }</pre>
 */
final class AlertPair extends AlertmanagerPair {

    AlertsServices services;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        super.beforeAll(context);
        AlertsServices defaults = AlertsServices.of(fleet(), "ana", Clock.systemUTC());
        services = new AlertsServices(AlertWorkspace.builder(fleet()).refreshInterval(Duration.ofSeconds(2)).build(),
                defaults.acknowledger(), defaults.silencer(), defaults.details(), "ana", Clock.systemUTC());
    }

    /** Posts to both peers, as Prometheus does, and waits until both list them. */
    void post(List<PostableAlert> alerts) {
        postToBoth(alerts.toArray(PostableAlert[]::new));
        String run = alerts.getFirst().labels().get("test");
        await().atMost(Duration.ofSeconds(20)).until(() -> count(peer(0), run) == alerts.size()
                && count(peer(1), run) == alerts.size());
    }

    private static long count(AlertmanagerClient c, String run) {
        return c.alerts(AlertQuery.all()).stream().filter(a -> run.equals(a.label("test"))).count();
    }

    /** Active silences on one peer whose matchers mention the run. */
    static List<Silence> activeSilences(AlertmanagerClient peer, String run) {
        return peer.silences().stream().filter(s -> s.state() == SilenceState.ACTIVE)
                .filter(s -> s.matchers().stream().anyMatch(m -> m.value().contains(run))).toList();
    }
}
