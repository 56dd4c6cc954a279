package io.opsdeck.simulate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Prometheus needs to scrape a simulator: file_sd/http_sd target groups and a complete {@code scrape_configs}
 * section, one job per exporter, relabelled blackbox-style so {@code instance} is the host name.
 *
 * <pre>{@code
 * Files.writeString(file, ScrapeConfig.scrapeConfigYaml(FleetSpec.DEFAULT, "127.0.0.1:9800", Duration.ofSeconds(15)));
 * }</pre>
 */
public final class ScrapeConfig {

    /** Every simulated target carries this {@code env} label. */
    public static final String ENV = "demo";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private ScrapeConfig() {
    }

    /** The jobs this fleet needs, in catalogue order. */
    public static List<String> jobs(FleetSpec spec) {
        List<String> jobs = new ArrayList<>();
        for (Module m : Module.values()) {
            for (Role r : Role.values()) {
                if (spec.count(r) > 0 && r.modules().contains(m) && !jobs.contains(m.job())) {
                    jobs.add(m.job());
                }
            }
        }
        return jobs;
    }

    /** Target groups for one job, one group per role: {@code [{"targets":[...],"labels":{"role":..,"env":"demo"}}]}. */
    public static List<Map<String, Object>> targetGroups(FleetSpec spec, String job) {
        Module module = Module.byJob(job).orElseThrow(() -> SimulationException.notFound("unknown module '" + job
                + "'; modules: " + String.join(", ", jobs(spec))));
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Role r : Role.values()) {
            if (spec.count(r) == 0 || !r.modules().contains(module)) {
                continue;
            }
            List<String> targets = new ArrayList<>();
            for (int i = 1; i <= spec.count(r); i++) {
                targets.add(r.label() + "-" + i);
            }
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("targets", targets);
            group.put("labels", new LinkedHashMap<>(Map.of("role", r.label(), "env", ENV)));
            groups.add(group);
        }
        return groups;
    }

    /** File/HTTP service discovery JSON; with a null job, all jobs, each group also labelled job and __param_module. */
    public static String targetsJson(FleetSpec spec, String job) {
        List<Map<String, Object>> groups = new ArrayList<>();
        for (String j : job == null ? jobs(spec) : List.of(job)) {
            for (Map<String, Object> g : targetGroups(spec, j)) {
                if (job == null) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> labels = (Map<String, Object>) g.get("labels");
                    labels.put("job", j);
                    labels.put("__param_module", j);
                }
                groups.add(g);
            }
        }
        return write(JSON, groups);
    }

    /** A complete {@code scrape_configs:} section (valid as a whole prometheus.yml) for a simulator at host:port. */
    public static String scrapeConfigYaml(FleetSpec spec, String simulatorAddress, Duration interval) {
        List<Map<String, Object>> jobs = new ArrayList<>();
        String every = interval.toMillis() % 1000 == 0 ? interval.toSeconds() + "s" : interval.toMillis() + "ms";
        for (String job : jobs(spec)) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("job_name", job);
            c.put("scrape_interval", every);
            c.put("scrape_timeout", interval.compareTo(Duration.ofSeconds(10)) < 0 ? every : "10s");
            c.put("metrics_path", "/metrics");
            c.put("params", Map.of("module", List.of(job)));
            c.put("static_configs", targetGroups(spec, job));
            c.put("relabel_configs", List.of(
                    ordered("source_labels", List.of("__address__"), "target_label", "__param_target"),
                    ordered("source_labels", List.of("__param_target"), "target_label", "instance"),
                    ordered("target_label", "__address__", "replacement", simulatorAddress)));
            jobs.add(c);
        }
        return "# OpsDeck fleet simulator at " + simulatorAddress + " (" + spec + "): one job per exporter.\n"
                + write(YAML, Map.of("scrape_configs", jobs));
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
