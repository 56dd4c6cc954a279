package io.opsdeck.console.live;

import io.opsdeck.console.HostDirectory;
import io.opsdeck.prometheus.PrometheusClient;
import io.opsdeck.prometheus.PrometheusException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code instance} label values of one Prometheus, refreshed every interval (default 1 min) and answered from
 * the cache. A failed refresh keeps the previous list.
 *
 * <pre>{@code
 * PrometheusHostDirectory hosts = new PrometheusHostDirectory(client);
 * hosts.start(scheduler, Duration.ofMinutes(1));
 * }</pre>
 */
public final class PrometheusHostDirectory implements HostDirectory, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PrometheusHostDirectory.class);

    private final PrometheusClient client;
    private volatile List<String> hosts = List.of();
    private volatile String lastError;
    private volatile Poller poller;

    /** @param client asked, not owned */
    public PrometheusHostDirectory(PrometheusClient client) {
        this.client = client;
    }

    public void start(ScheduledExecutorService scheduler, Duration interval) {
        poller = new Poller("hosts", scheduler, interval, this::refresh);
    }

    /** Asks Prometheus now; keeps the old list on failure. */
    public void refresh() {
        try {
            hosts = client.labelValues("instance", List.of(), null, null).stream().sorted().distinct().toList();
            lastError = null;
        } catch (PrometheusException e) {
            if (!e.getMessage().equals(lastError)) {
                LOG.warn("Hosts not refreshed: {}", e.getMessage());
            }
            lastError = e.getMessage();
        }
    }

    @Override
    public List<String> hosts() {
        return hosts;
    }

    @Override
    public void close() {
        Poller p = poller;
        if (p != null) {
            p.close();
        }
    }
}
