package io.opsdeck.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Passwords, tokens and secret headers never show up in toString or in configuration problems. */
class SecretsNeverLeakTest {

    private static final List<String> SECRETS =
            List.of("env-password-1", "file-password-2", "token-3", "file-token-4", "header-secret-5", "webhook-6");

    @TempDir
    Path dir;

    private final ConfigLoader loader = ConfigLoader.builder()
            .environment(Map.of("PW", "env-password-1", "TOKEN", "token-3", "HOOK", "webhook-6"))
            .build();

    @Test
    void noConfigRecordRendersASecret() throws Exception {
        Files.writeString(dir.resolve("pw"), "file-password-2\n");
        Files.writeString(dir.resolve("token"), "file-token-4");
        Path file = dir.resolve("opsdeck.yaml");
        Files.writeString(file, """
                prometheus:
                  - name: a
                    url: http://127.0.0.1:9090
                    basic_auth: { username: bob, password: "${PW}" }
                    headers: { Authorization: "Bearer header-secret-5" }
                  - name: b
                    url: http://127.0.0.1:9091
                    basic_auth: { username: bob, password_file: pw }
                alertmanager:
                  - name: c
                    url: http://127.0.0.1:9093
                    bearer_token: ${TOKEN}
                  - name: d
                    url: http://127.0.0.1:9094
                    bearer_token_file: token
                notify:
                  slack: { webhook_url: "https://hooks.example/${HOOK}" }
                """);
        OpsdeckConfig config = loader.load(file);

        List<Object> rendered = new ArrayList<>();
        collect(config, rendered);
        assertThat(rendered).hasSizeGreaterThan(10);
        for (Object o : rendered) {
            String text = String.valueOf(o);
            for (String secret : SECRETS) {
                assertThat(text).as("toString of %s", o.getClass().getSimpleName()).doesNotContain(secret);
            }
        }
        // the values really are there, so the test above could have failed
        assertThat(config.prometheus().get(0).connection().basicAuth().orElseThrow().password().reveal())
                .isEqualTo("env-password-1");
        assertThat(config.alertmanagers().get(1).connection().bearerToken().orElseThrow().reveal())
                .isEqualTo("file-token-4");
    }

    @Test
    void problemsQuoteReferencesNotTheirSecretValues() throws Exception {
        Path file = dir.resolve("opsdeck.yaml");
        Files.writeString(file, """
                prometheus:
                  - name: a
                    url: "127.0.0.1:9090/?token=${TOKEN}"
                    timeout: ${PW}
                  - name: b
                    url: http://bob:${PW}@127.0.0.1:9091
                    max_response_bytes: ${TOKEN}
                    basic_auth: { username: bob, password: [env-password-1] }
                """);
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.load(file));
        assertThat(e.problems()).hasSize(5);
        for (String secret : SECRETS) {
            assertThat(e.getMessage()).doesNotContain(secret);
        }
        assertThat(e.getMessage()).contains("\"${PW}\" is not a duration", "must not carry credentials");
    }

    /** Every record reachable from the config (and Optionals, lists, maps, sections along the way). */
    private static void collect(Object o, List<Object> out) throws ReflectiveOperationException {
        if (o == null) {
            return;
        }
        out.add(o);
        if (o instanceof Optional<?> opt && opt.isPresent()) {
            collect(opt.get(), out);
        } else if (o instanceof Collection<?> c) {
            for (Object item : c) {
                collect(item, out);
            }
        } else if (o instanceof Map<?, ?> m) {
            for (Object item : m.values()) {
                collect(item, out);
            }
        } else if (o.getClass().isRecord()) {
            for (RecordComponent rc : o.getClass().getRecordComponents()) {
                collect(rc.getAccessor().invoke(o), out);
            }
        }
    }
}
