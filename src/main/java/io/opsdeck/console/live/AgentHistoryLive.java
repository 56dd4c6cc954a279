package io.opsdeck.console.live;

import io.opsdeck.console.AgentHistory;
import io.opsdeck.http.HttpClients;
import java.io.Closeable;
import okhttp3.OkHttpClient;

/**
 * The agent's history over HTTP for one {@link AgentEndpoint}: one client, shared by the notification and the
 * alert parts. Closing releases the client's threads and connections.
 *
 * <pre>{@code
 * try (AgentHistoryLive live = AgentHistoryLive.connect(endpoint)) {
 *     NotificationPage page = live.history().notifications().search(NotificationSearch.recent());
 * }
 * }</pre>
 */
public final class AgentHistoryLive implements Closeable {

    private final OkHttpClient http;
    private final AgentHistory history;

    private AgentHistoryLive(AgentEndpoint endpoint) {
        this.http = HttpClients.forSource(endpoint.connection());
        AgentHistoryClient client = new AgentHistoryClient(endpoint.connection(), http);
        this.history = new AgentHistory(new AgentNotifications(client), new AgentHistoryAlerts(client));
    }

    /** No network call is made until the first question. */
    public static AgentHistoryLive connect(AgentEndpoint endpoint) {
        return new AgentHistoryLive(endpoint);
    }

    public AgentHistory history() {
        return history;
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "AgentHistoryLive";
    }
}
