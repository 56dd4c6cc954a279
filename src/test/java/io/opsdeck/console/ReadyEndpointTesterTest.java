package io.opsdeck.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.simulate.stack.FreePorts;
import io.opsdeck.teststack.RealStack;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Settings view's "Test connection" stand-in against a real Alertmanager. */
class ReadyEndpointTesterTest {

    @RegisterExtension
    static final RealStack STACK = RealStack.builder().alertmanagers(1).build();

    private final ReadyEndpointTester tester = new ReadyEndpointTester(Duration.ofSeconds(5), Clock.systemUTC());

    @Test
    void aRealAlertmanagerIsReady() throws Exception {
        ConnectionTestResult r = tester.test(new SourceSettings("am", SourceKind.ALERTMANAGER,
                STACK.alertmanager().baseUrl().toString(), null));
        assertThat(r.ok()).as(r.message()).isTrue();
        assertThat(r.message()).contains("am is ready");
    }

    @Test
    void aClosedPortIsAFailureNamingTheSource() throws Exception {
        int port = FreePorts.next();
        ConnectionTestResult r = tester.test(new SourceSettings("gone", SourceKind.PROMETHEUS, "http://127.0.0.1:" + port, null));
        assertThat(r.ok()).isFalse();
        assertThat(r.message()).startsWith("gone: ");
    }

    @Test
    void aMissingEnvironmentSecretIsNamed() throws Exception {
        ConnectionTestResult r = tester.test(new SourceSettings("am", SourceKind.ALERTMANAGER,
                STACK.alertmanager().baseUrl().toString(), new SecretRef(SecretRef.Kind.ENV, "OPSDECK_NO_SUCH_VAR_42")));
        assertThat(r.ok()).isFalse();
        assertThat(r.message()).contains("OPSDECK_NO_SUCH_VAR_42 is not set");
    }

    @Test
    void notAUrlIsSaidPlainly() throws Exception {
        ConnectionTestResult r = tester.test(new SourceSettings("x", SourceKind.PROMETHEUS, "localhost 9090", null));
        assertThat(r.ok()).isFalse();
        assertThat(r.message()).contains("'localhost 9090'");
    }
}
