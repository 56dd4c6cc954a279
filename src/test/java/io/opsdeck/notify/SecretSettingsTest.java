package io.opsdeck.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secrets in channel settings bind to io.opsdeck.util.Secret: literal or ${NAME}, never shown. */
class SecretSettingsTest {

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .registerModule(SecretSettings.jacksonModule(Map.of("SLACK_URL", "https://hooks.example/T0/B0/env-secret-1")));

    @Test
    void literalAndEnvironmentSecretsBindAndNeverRender() throws Exception {
        var slack = yaml.readValue("url: ${SLACK_URL}", ChannelSettings.SlackSettings.class);
        var hook = yaml.readValue("{url: 'https://tickets.example/h', hmacKey: literal-secret-2, headers: {X-Token: header-secret-3}}",
                ChannelSettings.WebhookSettings.class);
        assertThat(slack.url().reveal()).isEqualTo("https://hooks.example/T0/B0/env-secret-1");
        assertThat(hook.hmacKey().reveal()).isEqualTo("literal-secret-2");
        assertThat(hook.headers().get("X-Token").reveal()).isEqualTo("header-secret-3");
        assertThat(slack + " " + hook).doesNotContain("env-secret-1", "literal-secret-2", "header-secret-3").contains("Secret[****]");
    }

    @Test
    void anUnsetVariableIsNamedAndNothingElseIsQuoted() {
        assertThatThrownBy(() -> yaml.readValue("url: ${NOT_SET_ANYWHERE}", ChannelSettings.SlackSettings.class))
                .hasMessageContaining("environment variable NOT_SET_ANYWHERE is not set");
        assertThatThrownBy(() -> yaml.readValue("url: [a, b]", ChannelSettings.SlackSettings.class))
                .hasMessageContaining("Secret");
    }
}
