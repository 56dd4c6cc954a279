package io.opsdeck.ui.panels;

import static org.awaitility.Awaitility.await;

import io.opsdeck.alertmanager.AlertmanagerClient;
import io.opsdeck.alertmanager.AlertmanagerFleet;
import io.opsdeck.alertmanager.Matcher;
import io.opsdeck.alertmanager.PostableAlert;
import io.opsdeck.alertmanager.TestAlerts;
import io.opsdeck.console.AlertState;
import io.opsdeck.console.live.FleetAlertFeed;
import io.opsdeck.teststack.RealStack;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension for the alert list panel's tests: a real Alertmanager ({@link RealStack} with
 * {@link TestAlerts#CONFIG}), a fleet over it (cluster "eu") and the console's alert feed, ready before
 * {@code @BeforeAll} methods run; feed and fleet close before Alertmanager stops.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final AlertFeedStack ALERTS = new AlertFeedStack();
 *
 * @BeforeAll
 * static void postAlerts() {
 *     ALERTS.postWithOneSilenced(List.of(TestAlerts.alert(ALERTS.run(), "NodeDown"), ...), "NodeDown");
 * }
 * }</pre>
 */
final class AlertFeedStack implements BeforeAllCallback, AfterAllCallback {

    private final RealStack stack = RealStack.builder().alertmanagers(1).alertmanagerConfig(TestAlerts.CONFIG).build();
    private final String run = TestAlerts.unique();
    private AlertmanagerClient client;
    private AlertmanagerFleet fleet;
    private FleetAlertFeed feed;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        stack.beforeAll(context);
        client = AlertmanagerClient.builder(stack.alertmanager().baseUrl()).name("am").build();
        fleet = AlertmanagerFleet.builder().add("eu", client).build();
        feed = new FleetAlertFeed(fleet);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            feed.close();
            fleet.close();
        } finally {
            stack.afterAll(context);
        }
    }

    /** The label {@code test} the alerts of this class carry. */
    String run() {
        return run;
    }

    /**
     * Posts {@code alerts} (of this {@link #run}), silences the one named {@code silenced}, and waits until the feed
     * lists them all with that one suppressed (a silence takes effect on Alertmanager's next evaluation).
     */
    void postWithOneSilenced(List<PostableAlert> alerts, String silenced) {
        client.postAlerts(alerts);
        client.createOrUpdateSilence(TestAlerts.silence(Matcher.equal("test", run), Matcher.equal("alertname", silenced)));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            feed.pollOnce();
            return feed.current().size() == alerts.size() && feed.current().stream()
                    .anyMatch(a -> a.alertname().equals(silenced) && a.state() == AlertState.SUPPRESSED);
        });
    }

    /** A panel context in UTC whose alerts are the feed's; range changes and links go nowhere. */
    PanelContext context() {
        return new PanelContext(new Crosshair(), ZoneId.of("UTC"), (a, b) -> { }, url -> { }, feed::current);
    }
}
