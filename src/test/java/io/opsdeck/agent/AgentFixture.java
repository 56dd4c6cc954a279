package io.opsdeck.agent;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.opsdeck.teststack.LocalReceiver;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/** Agent settings for tests, written as the YAML a user would write. */
final class AgentFixture {

    private AgentFixture() {
    }

    static String yaml(Path dir, int smtpPort, String receiverBase, String extra) {
        return """
                agent:
                  listen: 127.0.0.1:0
                  database: %s/agent.db
                  webhook_auth:
                    bearer: hook-token
                  users:
                    - {name: vera, role: viewer, token: viewer-token}
                    - {name: otto, role: operator, token: operator-token}
                  templates:
                    redact: ['[A-Za-z0-9._%%+-]+@private\\.example']
                  delivery: {workers: 4, max_attempts: 3, initial_backoff: 100ms, max_backoff: 300ms}
                  noise: {repeat_interval: 1h, digest_severities: [info], digest_interval: 1s, flap_changes: 6, flap_window: 10m}
                  channels:
                    - name: mail
                      type: email
                      timeout: 3s
                      email: {host: 127.0.0.1, port: %d, security: none, from: opsdeck@example.com}
                    - {name: slack, type: slack, slack: {url: '%s/slack/T0/B0/SECRET'}}
                    - {name: pd, type: pagerduty, pagerduty: {url: '%s/v2/enqueue', routing_key: rk-1}}
                    - {name: desk, type: desktop}
                  recipients:
                    - {name: alice, email: alice@example.com, channels: [mail]}
                    - {name: bob, email: bob@example.com, channels: [mail]}
                  routes:
                    - name: critical
                      matchers: ['severity="critical"']
                      channels: [slack, pd, desk]
                      recipients: [alice]
                      escalation: crit
                    - {name: rest, recipients: [alice]}
                  escalations:
                    - name: crit
                      tiers:
                        - {after: 2s, recipients: [bob]}
                %s""".formatted(dir, smtpPort, receiverBase, receiverBase, extra == null ? "" : extra);
    }

    static AgentSettings settings(String yaml) throws Exception {
        return AgentSettings.fromYaml(new YAMLMapper().readTree(yaml).get("agent"));
    }

    /** Starts an agent with {@link #yaml}: mail to the SMTP server on {@code smtpPort}, Slack and PagerDuty to {@code receiver}. */
    static Agent start(Path dir, int smtpPort, LocalReceiver receiver, String extra) throws Exception {
        return Agent.start(settings(yaml(dir, smtpPort, receiverBase(receiver), extra)));
    }

    /** As {@link #start} without extra YAML, after {@code edit} changed a setting {@link #yaml} writes. */
    static Agent startEdited(Path dir, int smtpPort, LocalReceiver receiver, UnaryOperator<String> edit) throws Exception {
        return Agent.start(settings(edit.apply(yaml(dir, smtpPort, receiverBase(receiver), null))));
    }

    /** How many mails the SMTP server received for {@code address} (each fixture mail has one recipient). */
    static long mailsTo(GreenMailExtension smtp, String address) {
        return mails(smtp, m -> m.getAllRecipients()[0].toString().equals(address)).size();
    }

    /** The subjects of every mail the SMTP server received, in order. */
    static List<String> subjects(GreenMailExtension smtp) {
        return mails(smtp, m -> true).stream().map(m -> {
            try {
                return m.getSubject();
            } catch (MessagingException e) {
                return "";
            }
        }).toList();
    }

    /** The received mails {@code test} accepts; a mail it cannot read is not one of them. */
    static List<MimeMessage> mails(GreenMailExtension smtp, MailTest test) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return test.test(m);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    /** A condition on a mail that may fail to read it. */
    interface MailTest {
        boolean test(MimeMessage mail) throws Exception;
    }

    /** The receiver's URL without the trailing slash, as {@link #yaml} wants it. */
    static String receiverBase(LocalReceiver receiver) {
        return receiver.url("").toString().replaceAll("/$", "");
    }
}
