package io.opsdeck.simulate.demo;

import io.opsdeck.simulate.FleetSpec;
import io.opsdeck.simulate.Scenario;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The few lines the demo shows once it is ready: where everything is and how to raise a fault. */
final class DemoSummary {

    private DemoSummary() {
    }

    static List<String> lines(DemoStack.Urls u, FleetSpec fleet, long seed, Scenario scenario, int rules,
                              DemoStack stack) {
        List<String> lines = new ArrayList<>();
        lines.add("Simulator:     " + u.simulator() + "  (" + fleet.size() + " hosts " + fleet + ", seed " + seed
                + (scenario == null ? "" : ", scenario " + scenario.source()) + ")");
        lines.add("Prometheus:    " + u.prometheus() + "  (" + rules + " rule files)");
        lines.add("Alertmanager:  " + u.alertmanager());
        lines.add("node_exporter: " + u.nodeExporter() + "/metrics  (this machine, job " + DemoConfigs.NODE_EXPORTER_JOB
                + ", instance " + DemoConfigs.NODE_EXPORTER_INSTANCE + ")");
        lines.add("Agent:         " + u.agent().map(URI::toString)
                .orElse("not running (Alertmanager's webhooks point at http://127.0.0.1:" + u.agentPort() + ")"));
        lines.add("Config:        " + stack.configFile() + "  (opsdeck console --config " + stack.configFile() + ")");
        lines.add("Files:         " + stack.dir());
        lines.add("Raise a fault: opsdeck simulate fault db-1 disk_fill --param fill_in=5m --url " + u.simulator());
        lines.add("Fix it:        opsdeck simulate act db-1 clean_disk --url " + u.simulator());
        return lines;
    }
}
