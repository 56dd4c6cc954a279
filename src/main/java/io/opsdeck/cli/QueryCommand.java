package io.opsdeck.cli;

import io.opsdeck.prometheus.PrometheusClient;
import io.opsdeck.prometheus.QueryResult;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code opsdeck query EXPR [--range 1h [--step 30s]] [--time T] [--source NAME | --url URL] [-o table|json]}.
 * Instant queries print one row per series; range queries a block per series, or one row each with --summary.
 */
@Command(name = "query", mixinStandardHelpOptions = true, description = "Run a PromQL query and print the result.")
public final class QueryCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { table, json }

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPR", description = "The PromQL expression.")
    String expr;

    @Option(names = "--range", paramLabel = "DURATION",
            description = "Run a range query over the last DURATION (e.g. 1h, 30m, 1h30m) instead of an instant query.")
    String range;

    @Option(names = "--step", paramLabel = "DURATION",
            description = "Resolution of a range query. Default: the range / 250, at least 1s.")
    String step;

    @Option(names = "--time", paramLabel = "TIME",
            description = "Evaluation time (RFC 3339 or Unix seconds); the end of a range query. Default: now.")
    String time;

    @Option(names = "--source", paramLabel = "NAME", description = "A Prometheus source from the configuration.")
    String source;

    @Option(names = "--url", paramLabel = "URL", description = "Query this Prometheus URL directly.")
    URI url;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json. Default: ${DEFAULT-VALUE}.")
    Format output;

    @Option(names = "--summary", description = "For range queries: one row per series with points, first, last, min and max.")
    boolean summary;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s",
            description = "Give up when the whole request takes longer. Default: ${DEFAULT-VALUE}.")
    String timeout;

    SourceResolver sources = SourceResolver.fromConfiguration();

    @Override
    public Integer call() throws Exception {
        Instant at = time == null ? null : TimeArgs.instant(time, "--time");
        Duration callTimeout = TimeArgs.duration(timeout, "--timeout");
        try (PrometheusClient client = client(callTimeout)) {
            QueryResult result;
            if (range != null) {
                Duration span = TimeArgs.duration(range, "--range");
                Instant end = at != null ? at : Instant.now();
                Duration resolution = step != null ? TimeArgs.duration(step, "--step") : defaultStep(span);
                result = client.queryRange(expr, end.minus(span), end, resolution);
            } else {
                if (step != null || summary) {
                    throw new IllegalArgumentException((step != null ? "--step" : "--summary") + " needs --range");
                }
                result = client.query(expr, at);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (output == Format.json) {
                QueryOutput.json(result, out);
            } else if (summary) {
                QueryOutput.summary(result, out);
            } else {
                QueryOutput.table(result, out);
            }
            out.flush();
        }
        return 0;
    }

    private PrometheusClient client(Duration callTimeout) {
        if (url != null) {
            if (source != null) {
                throw new IllegalArgumentException("pass either --url or --source, not both");
            }
            return PrometheusClient.builder(url).timeout(callTimeout).build();
        }
        return sources.resolve(source, global.config).orElseThrow(() -> new IllegalArgumentException(source == null
                ? "no Prometheus to ask: pass --url URL or configure a source"
                : "no source named '" + source + "' is configured: pass --url URL or add it to the configuration"));
    }

    static Duration defaultStep(Duration span) {
        long seconds = Math.max(1, span.toSeconds() / 250);
        return Duration.ofSeconds(seconds);
    }
}
