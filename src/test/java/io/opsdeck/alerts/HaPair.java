package io.opsdeck.alerts;

import static org.awaitility.Awaitility.await;

import io.opsdeck.alertmanager.PostableAlert;
import io.opsdeck.teststack.AlertmanagerPair;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension: a real Alertmanager 0.25 HA pair ({@link AlertmanagerPair}: its peers, its fleet, cluster "eu")
 * and a workspace over it, ready in {@code @BeforeAll}; the fleet closes before the peers stop.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final HaPair PAIR = new HaPair();
 * }</pre>
 */
final class HaPair extends AlertmanagerPair {

    AlertWorkspace workspace;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        super.beforeAll(context);
        workspace = AlertWorkspace.builder(fleet()).refreshInterval(Duration.ofSeconds(5)).build();
    }

    /** Posts to both peers, as Prometheus does, and waits until the workspace shows every alert from both. */
    WorkspaceSnapshot post(String run, List<PostableAlert> alerts) {
        postToBoth(alerts.toArray(PostableAlert[]::new));
        return await().atMost(Duration.ofSeconds(20)).until(workspace::refresh,
                s -> rows(s, run).size() == alerts.size() && rows(s, run).stream().allMatch(r -> r.sources().size() == 2));
    }

    /** The rows of one test run (label test=run). */
    static List<AlertRow> rows(WorkspaceSnapshot s, String run) {
        return s.rows().stream().filter(r -> r.label("test").equals(run)).toList();
    }
}
