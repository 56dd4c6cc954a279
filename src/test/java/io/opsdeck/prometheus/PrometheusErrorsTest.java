package io.opsdeck.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.opsdeck.simulate.stack.FreePorts;
import io.opsdeck.teststack.RealStack;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Errors a real Prometheus produces, and a server that is not there. */
class PrometheusErrorsTest {

    @RegisterExtension
    static final RealStack STACK = RealStack.builder()
            .prometheus((prometheus, stack) -> { })
            .build();

    private static PrometheusClient client() {
        return PrometheusClient.builder(STACK.prometheus().baseUrl()).name("main").build();
    }

    @Test
    void badPromQLIsABadDataApiErrorWithTheParserMessage() {
        try (PrometheusClient client = client()) {
            PrometheusException e = catchThrowableOfType(PrometheusException.class, () -> client.query("rate(x[", null));
            assertThat(e.kind()).isEqualTo(PrometheusException.Kind.API);
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.errorType()).isEqualTo("bad_data");
            assertThat(e.serverError()).contains("parse error");
            assertThat(e.getMessage())
                    .startsWith("Prometheus 'main' (" + STACK.prometheus().baseUrl() + "/api/v1/query): ")
                    .contains("HTTP 400, bad_data").contains("parse error")
                    .doesNotContain("rate(x[");
        }
    }

    @Test
    void tooManyPointsIsRefusedByPrometheus() {
        try (PrometheusClient client = client()) {
            Instant start = Instant.ofEpochSecond(0);
            PrometheusException e = catchThrowableOfType(PrometheusException.class,
                    () -> client.queryRange("time()", start, start.plus(Duration.ofDays(2)), Duration.ofSeconds(1)));
            assertThat(e.kind()).isEqualTo(PrometheusException.Kind.API);
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.getMessage()).contains("exceeded maximum resolution").contains("query_range");
        }
    }

    @Test
    void manyToManyMatchingIsAnExecutionError422() {
        try (PrometheusClient client = client()) {
            PrometheusException e = catchThrowableOfType(PrometheusException.class, () -> client.query(
                    "vector(1) + on() group_left() (label_replace(vector(1),\"a\",\"1\",\"\",\"\")"
                            + " or label_replace(vector(1),\"a\",\"2\",\"\",\"\"))", null));
            assertThat(e.kind()).isEqualTo(PrometheusException.Kind.API);
            assertThat(e.httpStatus()).isEqualTo(422);
            assertThat(e.errorType()).isEqualTo("execution");
            assertThat(e.getMessage()).contains("many-to-many matching not allowed");
        }
    }

    @Test
    void responsesOverTheLimitAreRefused() {
        try (PrometheusClient client = PrometheusClient.builder(STACK.prometheus().baseUrl())
                .name("main").maxResponseBytes(10_000).build()) {
            Instant start = Instant.ofEpochSecond(0);
            PrometheusException e = catchThrowableOfType(PrometheusException.class,
                    () -> client.queryRange("time()", start, start.plusSeconds(5000), Duration.ofSeconds(1)));
            assertThat(e.kind()).isEqualTo(PrometheusException.Kind.TOO_LARGE);
            assertThat(e.getMessage()).contains("10000 bytes (maxResponseBytes)");
        }
    }

    @Test
    void rejectedMatchersInSeriesAreApiErrors() {
        try (PrometheusClient client = client()) {
            PrometheusException e = catchThrowableOfType(PrometheusException.class,
                    () -> client.series(List.of("{job=~\".*\"}"), null, null));
            assertThat(e.kind()).isEqualTo(PrometheusException.Kind.API);
            assertThat(e.errorType()).isEqualTo("bad_data");
            assertThat(e.getMessage()).contains("/api/v1/series");
        }
    }

    @Test
    void unreachableServerIsAConnectionErrorNamingTheHost() {
        int port = FreePorts.next();
        try (PrometheusClient client = PrometheusClient.builder(URI.create("http://user:secret@127.0.0.1:" + port))
                .name("gone").build()) {
            PrometheusException e = catchThrowableOfType(PrometheusException.class, () -> client.query("up", null));
            assertThat(e.kind()).isEqualTo(PrometheusException.Kind.CONNECTION);
            assertThat(e.httpStatus()).isZero();
            assertThat(e.getMessage()).startsWith("Prometheus 'gone' (http://127.0.0.1:" + port + "/api/v1/query): ")
                    .contains("connection refused by 127.0.0.1:" + port)
                    .doesNotContain("secret");
        }
    }
}
