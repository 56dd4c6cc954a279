package io.opsdeck.teststack;

/**
 * Alertmanager configurations for tests where a real Alertmanager talks to a real OpsDeck agent.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RealStack STACK = RealStack.builder().alertmanagers(1)
 *         .alertmanagerConfig(AlertmanagerConfigs.webhookToAgent(AGENT_PORT, "1h", "send_resolved: true")).build();
 * }</pre>
 */
public final class AlertmanagerConfigs {

    private AlertmanagerConfigs() {
    }

    /**
     * Every alert to the agent's Alertmanager webhook on {@code agentPort}, grouped by alertname and sent within a
     * second (tests wait for it), again after {@code repeatInterval}; {@code webhookKeys} are more YAML lines of the
     * webhook config, e.g. {@code send_resolved: true}.
     */
    public static String webhookToAgent(int agentPort, String repeatInterval, String... webhookKeys) {
        StringBuilder keys = new StringBuilder();
        for (String k : webhookKeys) {
            keys.append(k.indent(8));
        }
        return """
                route:
                  receiver: opsdeck
                  group_by: ['alertname']
                  group_wait: 1s
                  group_interval: 1s
                  repeat_interval: %s
                receivers:
                  - name: opsdeck
                    webhook_configs:
                      - url: 'http://127.0.0.1:%d/api/v1/alertmanager/webhook'
                %s""".formatted(repeatInterval, agentPort, keys);
    }
}
