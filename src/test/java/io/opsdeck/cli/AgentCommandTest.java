package io.opsdeck.cli;

import static io.opsdeck.cli.CommandRun.opsdeck;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentCommandTest {

    @TempDir
    Path dir;

    @Test
    void checkAcceptsTheAgentSectionOfTheMainConfig() throws Exception {
        Path config = Files.writeString(dir.resolve("opsdeck.yaml"), """
                sources: {ignored: by the agent}
                agent:
                  listen: 127.0.0.1:9197
                  channels: [{name: desk, type: desktop}]
                  routes: [{channels: [desk]}]
                """);
        CommandRun r = opsdeck("agent", "--config", config.toString(), "--check");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("agent settings OK");
    }

    @Test
    void checkReportsABrokenTemplateAndAnUnknownChannel() throws Exception {
        Path templates = Files.createDirectories(dir.resolve("t"));
        Files.writeString(templates.resolve("desktop.txt"), "{% if %}\n");
        Path config = Files.writeString(dir.resolve("agent.yaml"), """
                templates: {dir: %s}
                routes: [{name: r1, channels: [nowhere]}]
                """.formatted(templates));
        CommandRun r = opsdeck("agent", "--agent-config", config.toString(), "--check");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("desktop.txt").contains("route 'r1'").contains("unknown channel 'nowhere'");
    }

    @Test
    void unknownKeyIsOneReadableLine() throws Exception {
        Path config = Files.writeString(dir.resolve("agent.yaml"), "listen: 127.0.0.1:9197\nlisten_port: 1\n");
        CommandRun r = opsdeck("agent", "--agent-config", config.toString(), "--check");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("opsdeck agent: ").contains("unknown key 'listen_port'").contains("line 2")
                .doesNotContain("\n");
    }
}
