package io.opsdeck.agent;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.opsdeck.teststack.LocalReceiver;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension: per test, a real SMTP server (GreenMail), a {@link LocalReceiver} standing in for Slack and
 * PagerDuty, a temporary directory, and a real agent over them with the {@link AgentFixture#yaml} settings; all
 * closed after the test, the agent first. Register it on an instance field.
 *
 * <pre>{@code
 * @RegisterExtension
 * final AgentUnderTest agent = AgentUnderTest.started();     // the fixture's agent runs before each test
 * @RegisterExtension
 * final AgentUnderTest agent = AgentUnderTest.notStarted();  // each test calls agent.startEdited(...)
 * }</pre>
 */
final class AgentUnderTest implements BeforeEachCallback, AfterEachCallback {

    private final boolean startBeforeEach;
    private final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
    private Path dir;
    private LocalReceiver receiver;
    private Agent agent;

    private AgentUnderTest(boolean startBeforeEach) {
        this.startBeforeEach = startBeforeEach;
    }

    /** The fixture's agent, without extra settings, runs before each test. */
    static AgentUnderTest started() {
        return new AgentUnderTest(true);
    }

    /** Mail server and receiver run; the test starts the agent with {@link #start} or {@link #startEdited}. */
    static AgentUnderTest notStarted() {
        return new AgentUnderTest(false);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        smtp.beforeEach(context);
        dir = Files.createTempDirectory("opsdeck-agent-test");
        receiver = new LocalReceiver();
        if (startBeforeEach) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            if (agent != null) {
                agent.close();
                agent = null;
            }
            if (receiver != null) {
                receiver.close();
            }
        } finally {
            smtp.afterEach(context);
            if (dir != null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** Starts the fixture's agent; its base URL. */
    URI start() throws Exception {
        agent = AgentFixture.start(dir, smtp.getSmtp().getPort(), receiver, null);
        return agent.baseUrl();
    }

    /** Starts the fixture's agent after {@code edit} changed its YAML; its base URL. */
    URI startEdited(UnaryOperator<String> edit) throws Exception {
        agent = AgentFixture.startEdited(dir, smtp.getSmtp().getPort(), receiver, edit);
        return agent.baseUrl();
    }

    Agent agent() {
        return agent;
    }

    URI base() {
        return agent.baseUrl();
    }

    /** Where the agent's Slack and PagerDuty channels post. */
    LocalReceiver receiver() {
        return receiver;
    }

    GreenMailExtension smtp() {
        return smtp;
    }

    /** How many mails went to {@code address}. */
    long mailsTo(String address) {
        return AgentFixture.mailsTo(smtp, address);
    }

    /** The subjects of every mail received, in order. */
    List<String> subjects() {
        return AgentFixture.subjects(smtp);
    }
}
