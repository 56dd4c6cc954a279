package io.opsdeck.console.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsdeck.config.ConfigLoader;
import io.opsdeck.config.OpsdeckConfig;
import io.opsdeck.console.SecretRef;
import io.opsdeck.console.SourceKind;
import io.opsdeck.console.SourceSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlSourceSettingsStoreTest {

    private static final String ORIGINAL = """
            # OpsDeck at the shop
            operator: alice   # silence author

            prometheus:
              # the main one
              - name: main
                url: http://127.0.0.1:9090
                timeout: 20s
                headers:
                  X-Scope-OrgID: tenant-a
                bearer_token: ${PROM_TOKEN}
              - { name: vm, url: "http://127.0.0.1:8428" }

            alertmanager:
              - name: am-1
                url: http://127.0.0.1:9093
                cluster: eu
                basic_auth:
                  username: opsdeck
                  password_file: am-password

            roles:
              - { name: SRE, dashboards: [noc] }   # keep me
            """;

    @TempDir
    Path dir;

    private Path file() throws IOException {
        Files.writeString(dir.resolve("am-password"), "s3cret\n");
        return Files.writeString(dir.resolve("opsdeck.yaml"), ORIGINAL);
    }

    @Test
    void listShowsSourcesWithSecretReferencesOnly() throws IOException {
        var store = new YamlSourceSettingsStore(file());
        assertThat(store.list()).containsExactly(
                new SourceSettings("main", SourceKind.PROMETHEUS, "http://127.0.0.1:9090", new SecretRef(SecretRef.Kind.ENV, "PROM_TOKEN")),
                new SourceSettings("vm", SourceKind.PROMETHEUS, "http://127.0.0.1:8428", null),
                new SourceSettings("am-1", SourceKind.ALERTMANAGER, "http://127.0.0.1:9093",
                        new SecretRef(SecretRef.Kind.FILE, dir.resolve("am-password").toString())));
    }

    @Test
    void editingOneSourceKeepsItsOtherKeysAndEveryOtherLine() throws Exception {
        Path file = file();
        var store = new YamlSourceSettingsStore(file);
        store.save(new SourceSettings("main", SourceKind.PROMETHEUS, "http://127.0.0.1:9191",
                new SecretRef(SecretRef.Kind.FILE, "/run/secrets/prom")));
        String text = Files.readString(file);
        assertThat(text).startsWith("""
                # OpsDeck at the shop
                operator: alice   # silence author

                prometheus:
                  # the main one
                  - name: main
                """)
                .contains("  - { name: vm, url: \"http://127.0.0.1:8428\" }\n")
                .contains("      password_file: am-password\n")
                .endsWith("  - { name: SRE, dashboards: [noc] }   # keep me\n")
                .doesNotContain("PROM_TOKEN");
        OpsdeckConfig config = ConfigLoader.builder().environment(Map.of()).build()
                .parse(text.replace("/run/secrets/prom", "am-password"), file.toString(), dir);
        var main = config.prometheus("main").orElseThrow().connection();
        assertThat(main.url().toString()).isEqualTo("http://127.0.0.1:9191/");
        assertThat(main.timeout()).hasSeconds(20);
        assertThat(main.headers()).containsKey("X-Scope-OrgID");
        assertThat(main.bearerToken()).isPresent();
        assertThat(store.list().getFirst()).isEqualTo(new SourceSettings("main", SourceKind.PROMETHEUS,
                "http://127.0.0.1:9191", new SecretRef(SecretRef.Kind.FILE, "/run/secrets/prom")));
    }

    @Test
    void newSourcesAreAppendedToTheirListAndRemovedAgainLeavingTheFileAsItWas() throws Exception {
        Path file = file();
        var store = new YamlSourceSettingsStore(file);
        store.save(new SourceSettings("am-2", SourceKind.ALERTMANAGER, "http://127.0.0.1:9094",
                new SecretRef(SecretRef.Kind.ENV, "AM_TOKEN")));
        assertThat(Files.readString(file)).contains("""
                      password_file: am-password
                  - name: am-2
                    url: http://127.0.0.1:9094
                    bearer_token: '${AM_TOKEN}'
                """);
        assertThat(store.list()).extracting(SourceSettings::name).containsExactly("main", "vm", "am-1", "am-2");
        store.remove("am-2");
        assertThat(Files.readString(file)).isEqualTo(ORIGINAL);
    }

    @Test
    void removingAFlowStyleItemTakesOnlyItsLine() throws Exception {
        Path file = file();
        new YamlSourceSettingsStore(file).remove("vm");
        assertThat(Files.readString(file)).isEqualTo(ORIGINAL.replace("  - { name: vm, url: \"http://127.0.0.1:8428\" }\n", ""));
    }

    @Test
    void agentEndpointIsWrittenIntoItsSectionWithATokenReference() throws Exception {
        Path file = Files.writeString(dir.resolve("opsdeck.yaml"), """
                prometheus:
                  - { name: main, url: "http://127.0.0.1:9090" }
                agent: {}
                """);
        var store = new YamlSourceSettingsStore(file);
        store.save(new SourceSettings("agent", SourceKind.AGENT, "http://127.0.0.1:9095",
                new SecretRef(SecretRef.Kind.ENV, "AGENT_TOKEN")));
        assertThat(Files.readString(file)).isEqualTo("""
                prometheus:
                  - { name: main, url: "http://127.0.0.1:9090" }
                agent:
                  url: http://127.0.0.1:9095
                  token: '${AGENT_TOKEN}'
                """);
        OpsdeckConfig config = ConfigLoader.builder().environment(Map.of("AGENT_TOKEN", "t")).build()
                .parse(Files.readString(file), file.toString(), dir);
        assertThat(AgentEndpoint.of(config)).isPresent();
        assertThat(store.list()).contains(new SourceSettings("agent", SourceKind.AGENT, "http://127.0.0.1:9095",
                new SecretRef(SecretRef.Kind.ENV, "AGENT_TOKEN")));
    }

    @Test
    void firstSourceInAFileWithoutThatListStartsTheList() throws Exception {
        Path file = Files.writeString(dir.resolve("opsdeck.yaml"), "operator: bob\n");
        new YamlSourceSettingsStore(file).save(new SourceSettings("main", SourceKind.PROMETHEUS, "http://127.0.0.1:9090", null));
        assertThat(Files.readString(file)).isEqualTo("""
                operator: bob
                prometheus:
                  - name: main
                    url: http://127.0.0.1:9090
                """);
    }

    @Test
    void keyringSecretsAreWrittenAsKeyringReferencesAndReadBack() throws Exception {
        Path file = file();
        var store = new YamlSourceSettingsStore(file);
        SourceSettings source = new SourceSettings("x", SourceKind.PROMETHEUS, "http://127.0.0.1:1",
                new SecretRef(SecretRef.Kind.KEYRING, "x"));
        store.save(source);
        assertThat(Files.readString(file)).contains("bearer_token: keyring:x").doesNotContain("${x}");
        assertThat(store.list()).contains(source);
    }

    @Test
    void brokenFilesAreRefusedWithoutWriting() throws Exception {
        Path file = file();
        var store = new YamlSourceSettingsStore(file);
        Files.writeString(file, "prometheus: [\n");
        assertThatThrownBy(() -> store.save(new SourceSettings("x", SourceKind.PROMETHEUS, "http://127.0.0.1:1", null)))
                .isInstanceOf(IOException.class).hasMessageContaining(file + " is not valid YAML");
        assertThat(Files.readString(file)).isEqualTo("prometheus: [\n");
    }
}
