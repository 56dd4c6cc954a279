package io.opsdeck.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private final ConfigLoader loader = ConfigLoader.builder()
            .environment(Map.of("PROM_PASSWORD", "s3cret-from-env", "TENANT", "tenant-a"))
            .defaultOperator("os-user")
            .build();

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private List<String> problems(String yaml) throws IOException {
        Path file = write("opsdeck.yaml", yaml);
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.load(file));
        assertThat(e).as("expected the config to be rejected").isNotNull();
        return e.problems().stream().map(ConfigProblem::toString)
                .map(s -> s.replace(file.toString(), "opsdeck.yaml")).toList();
    }

    @Test
    void fullConfigLoadsEveryOption() throws Exception {
        HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).build();
        HeldCertificate client = new HeldCertificate.Builder().signedBy(ca).build();
        write("ca.pem", ca.certificatePem());
        write("client.pem", client.certificatePem());
        write("client.key", client.privateKeyPkcs8Pem());
        Files.createDirectories(dir.resolve("secrets"));
        write("secrets/am-password", "from-file\n");
        Path file = write("opsdeck.yaml", """
                operator: alice
                prometheus:
                  - name: main
                    url: https://127.0.0.1:9090/prom/
                    timeout: 1m30s
                    connect_timeout: 5s
                    default: true
                    headers: { X-Scope-OrgID: "${TENANT}" }
                    basic_auth: { username: bob, password: "${PROM_PASSWORD}" }
                    tls: { ca_file: ca.pem, cert_file: client.pem, key_file: client.key, server_name: prom.internal }
                    proxy_url: http://127.0.0.1:3128
                    max_response_bytes: 64MiB
                  - name: vm
                    url: http://127.0.0.1:8428
                alertmanager:
                  - name: am-eu-1
                    url: http://127.0.0.1:9093
                    cluster: eu
                    basic_auth: { username: ops, password_file: secrets/am-password }
                  - name: am-eu-2
                    url: http://127.0.0.1:9094
                    cluster: eu
                    bearer_token: plain-token
                  - name: am-us
                    url: http://127.0.0.1:9095
                agent: { listen: 127.0.0.1:9300 }
                roles: []
                """);

        OpsdeckConfig config = loader.load(file);

        assertThat(config.isConfigured()).isTrue();
        assertThat(config.file()).contains(file);
        assertThat(config.operator()).isEqualTo("alice");
        PrometheusSource main = config.defaultPrometheus().orElseThrow();
        assertThat(main.name()).isEqualTo("main");
        var c = main.connection();
        assertThat(c.url().toString()).isEqualTo("https://127.0.0.1:9090/prom/");
        assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.headers().get("X-Scope-OrgID").reveal()).isEqualTo("tenant-a");
        assertThat(c.basicAuth().orElseThrow().username()).isEqualTo("bob");
        assertThat(c.basicAuth().orElseThrow().password().reveal()).isEqualTo("s3cret-from-env");
        assertThat(c.tls().caFile()).contains(dir.resolve("ca.pem"));
        assertThat(c.tls().keyFile()).contains(dir.resolve("client.key"));
        assertThat(c.tls().serverName()).contains("prom.internal");
        assertThat(c.proxy().orElseThrow().port()).isEqualTo(3128);
        assertThat(c.maxResponseBytes()).isEqualTo(64L * 1024 * 1024);
        var vm = config.prometheus("vm").orElseThrow().connection();
        assertThat(vm.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(vm.basicAuth()).isEmpty();

        assertThat(config.alertmanager("am-eu-1").orElseThrow().connection().basicAuth().orElseThrow()
                .password().reveal()).isEqualTo("from-file");
        assertThat(config.alertmanager("am-eu-2").orElseThrow().connection().bearerToken().orElseThrow().reveal())
                .isEqualTo("plain-token");
        assertThat(config.clusters()).extracting(AlertmanagerCluster::name).containsExactly("eu", "am-us");
        assertThat(config.clusters().get(0).peers()).extracting(AlertmanagerSource::name)
                .containsExactly("am-eu-1", "am-eu-2");
        assertThat(config.section("agent")).hasValueSatisfying(s -> assertThat(s.line()).isEqualTo(26));
        assertThat(config.section("roles")).isPresent();
        assertThat(config.section("notify")).isEmpty();
    }

    @Test
    void misspeltKeyNamesItsLineAndSuggestsTheRightKey() throws IOException {
        assertThat(problems("""
                prometheus:
                  - name: main
                    url: http://127.0.0.1:9090
                    timout: 30s
                """)).containsExactly(
                "opsdeck.yaml:4: prometheus[0].timout: unknown key; did you mean \"timeout\"?");
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        List<String> problems = problems("""
                prometheus:
                  - name: main
                    url: http://127.0.0.1:9090
                  - name: second
                    url: http://127.0.0.1:9091
                    timeout: 30x
                  - name: main
                    url: 127.0.0.1:9092
                  - url: http://127.0.0.1:9093
                    default: yes please
                alertmanager:
                  - name: am
                    url: http://127.0.0.1:9093
                    tls:
                      insecure_skip_verify: true
                      ca_file: ca.pem
                      cert_file: client.pem
                    headers: [a, b]
                dashbords: {}
                """);
        assertThat(problems).containsExactly(
                "opsdeck.yaml:6: prometheus[1].timeout: \"30x\" is not a duration (use 30s, 5m, 1h)",
                "opsdeck.yaml:7: prometheus[2].name: duplicate name \"main\" (also prometheus[0] at line 2)",
                "opsdeck.yaml:8: prometheus[2].url: not a valid http(s) URL; it needs a scheme, e.g. http://127.0.0.1:9092",
                "opsdeck.yaml:9: prometheus[3].name: required key is missing",
                "opsdeck.yaml:10: prometheus[3].default: expected true or false, got \"yes please\"",
                "opsdeck.yaml:15: alertmanager[0].tls.insecure_skip_verify: insecure_skip_verify and ca_file "
                        + "contradict each other; keep ca_file to verify against your CA",
                "opsdeck.yaml:16: alertmanager[0].tls.ca_file: file " + dir.resolve("ca.pem") + " does not exist",
                "opsdeck.yaml:17: alertmanager[0].tls.cert_file: file " + dir.resolve("client.pem") + " does not exist",
                "opsdeck.yaml:17: alertmanager[0].tls.cert_file: a client certificate needs both cert_file and key_file",
                "opsdeck.yaml:18: alertmanager[0].headers: expected a mapping (key: value lines), got a list",
                "opsdeck.yaml:19: dashbords: unknown key; did you mean \"dashboards\"?");
    }

    @Test
    void brokenYamlSyntaxIsOneProblemWithItsLine() throws IOException {
        List<String> problems = problems("""
                prometheus:
                  - name: main
                    url: http://127.0.0.1:9090
                   timeout: [30s
                """);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).matches("opsdeck\\.yaml:[45]: invalid YAML: .+");
    }

    @Test
    void environmentReferencesExpandAndAMissingOneNamesLineAndKey() throws IOException {
        assertThat(problems("""
                prometheus:
                  - name: main
                    url: http://127.0.0.1:9090
                    headers: { X-Tenant: "${TENANT}" }
                    bearer_token: ${NOT_SET}
                """)).containsExactly("opsdeck.yaml:5: prometheus[0].bearer_token: environment variable NOT_SET is not set");
    }

    @Test
    void escapedDollarStaysLiteral() throws Exception {
        Path file = write("opsdeck.yaml", """
                prometheus:
                  - name: main
                    url: http://127.0.0.1:9090
                    headers: { X-Literal: "$${TENANT}", X-Mixed: "a-${TENANT}-b" }
                """);
        var headers = loader.load(file).prometheus().get(0).connection().headers();
        assertThat(headers.get("X-Literal").reveal()).isEqualTo("${TENANT}");
        assertThat(headers.get("X-Mixed").reveal()).isEqualTo("a-tenant-a-b");
    }

    @Test
    void passwordFileIsReadRelativeToTheConfigFolderAndAMissingOneIsReported() throws IOException {
        write("pw", "from-file\n");
        Path file = write("opsdeck.yaml", """
                prometheus:
                  - name: main
                    url: http://127.0.0.1:9090
                    basic_auth: { username: bob, password_file: pw }
                """);
        assertThat(catchThrowableOfType(ConfigException.class, () -> {
            assertThat(loader.load(file).prometheus().get(0).connection().basicAuth().orElseThrow().password().reveal())
                    .isEqualTo("from-file");
        })).isNull();

        List<String> problems = problems("""
                prometheus:
                  - name: main
                    url: http://127.0.0.1:9090
                    basic_auth:
                      username: bob
                      password_file: missing-pw
                """);
        assertThat(problems).containsExactly("opsdeck.yaml:6: prometheus[0].basic_auth.password_file: file "
                + dir.resolve("missing-pw") + " does not exist");
    }

    @Test
    void absentDefaultFileMeansNothingConfiguredButAnExplicitOneIsAnError() throws Exception {
        ConfigLocator locator = new ConfigLocator(Map.of(), dir);
        OpsdeckConfig empty = loader.loadOrEmpty(locator.locate(null));
        assertThat(empty.isConfigured()).isFalse();
        assertThat(empty.operator()).isEqualTo("os-user");

        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> loader.loadOrEmpty(locator.locate(dir.resolve("nope.yaml"))));
        assertThat(e.problems()).extracting(ConfigProblem::toString)
                .containsExactly(dir.resolve("nope.yaml") + ": file not found");
    }

    @Test
    void emptyFileIsValidButNotConfigured() throws Exception {
        OpsdeckConfig config = loader.load(write("opsdeck.yaml", "# nothing yet\n"));
        assertThat(config.isConfigured()).isFalse();
        assertThat(config.file()).isPresent();
    }

    @Test
    void sectionsBindLaterWithTheSameProblemFormat() throws Exception {
        Path file = write("opsdeck.yaml", """
                agent:
                  listen: 127.0.0.1:9300
                  interval: soon
                """);
        ConfigSection agent = loader.load(file).section("agent").orElseThrow();
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> agent.bind(v -> {
            ConfigMap m = v.asMap().orElseThrow();
            m.string("listen");
            m.duration("interval");
            m.finish();
            return m;
        }));
        assertThat(e.problems()).extracting(ConfigProblem::toString)
                .containsExactly(file + ":3: agent.interval: \"soon\" is not a duration (use 30s, 5m, 1h)");
    }

    @Test
    void tlsFileThatIsNotPemIsReportedAtTheTlsKey() throws IOException {
        write("ca.pem", "not a certificate");
        List<String> problems = problems("""
                prometheus:
                  - name: main
                    url: https://127.0.0.1:9090
                    tls:
                      ca_file: ca.pem
                """);
        assertThat(problems).containsExactly("opsdeck.yaml:4: prometheus[0].tls: tls.ca_file "
                + dir.resolve("ca.pem") + ": not a PEM certificate file");
    }

    @Test
    void moreThanOneDefaultPrometheusIsAProblem() throws IOException {
        assertThat(problems("""
                prometheus:
                  - { name: a, url: "http://127.0.0.1:1", default: true }
                  - { name: b, url: "http://127.0.0.1:2", default: true }
                """)).containsExactly("opsdeck.yaml:1: prometheus: more than one source has default: true; mark only one");
    }
}
