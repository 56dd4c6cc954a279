package io.opsdeck.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLocatorTest {

    private final Path home = Path.of("/home/alice");

    @Test
    void optionWinsOverEnvironmentAndDefault() {
        ConfigLocation l = new ConfigLocator(Map.of("OPSDECK_CONFIG", "/etc/env.yaml"), home).locate(Path.of("cli.yaml"));
        assertThat(l).isEqualTo(new ConfigLocation(Path.of("cli.yaml"), ConfigLocation.Origin.OPTION));
    }

    @Test
    void environmentWinsOverDefault() {
        ConfigLocation l = new ConfigLocator(Map.of("OPSDECK_CONFIG", "/etc/env.yaml"), home).locate(null);
        assertThat(l).isEqualTo(new ConfigLocation(Path.of("/etc/env.yaml"), ConfigLocation.Origin.ENVIRONMENT));
    }

    @Test
    void defaultIsUnderTheHomeConfigFolder() {
        ConfigLocation l = new ConfigLocator(Map.of("OPSDECK_CONFIG", " "), home).locate(null);
        assertThat(l).isEqualTo(new ConfigLocation(Path.of("/home/alice/.config/opsdeck/opsdeck.yaml"),
                ConfigLocation.Origin.DEFAULT));
    }
}
