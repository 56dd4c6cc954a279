package io.opsdeck.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example users copy must load as documented. */
class ShippedExampleTest {

    @Test
    void packagedExampleLoadsWithItsEnvironmentVariablesSet() throws Exception {
        OpsdeckConfig config = ConfigLoader.builder()
                .environment(Map.of("PROM_PASSWORD", "pw", "VM_TOKEN", "tok"))
                .build()
                .load(Path.of("packaging/examples/opsdeck.yaml"));
        assertThat(config.operator()).isEqualTo("alice");
        assertThat(config.prometheus()).extracting(PrometheusSource::name).containsExactly("main", "longterm");
        assertThat(config.defaultPrometheus().orElseThrow().name()).isEqualTo("main");
        assertThat(config.clusters()).extracting(AlertmanagerCluster::name).containsExactly("eu", "am-us");
    }
}
