package io.opsdeck.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Tests a source by asking its {@code /-/ready} endpoint (Prometheus and Alertmanager both have one),
 * sending the bearer token its secret reference points to. Stands in until the clients' own checks are wired.
 */
public final class ReadyEndpointTester implements ConnectionTester {

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    /** @param timeout per request; 5 s is a good default */
    public ReadyEndpointTester(Duration timeout, Clock clock) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public ConnectionTestResult test(SourceSettings source) throws InterruptedException {
        Instant start = clock.instant();
        try {
            URI base = URI.create(source.url().endsWith("/") ? source.url() : source.url() + "/");
            if (base.getHost() == null || !(base.getScheme().equals("http") || base.getScheme().equals("https"))) {
                return ConnectionTestResult.failed("'" + source.url() + "' is not an http(s) URL", took(start));
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("-/ready")).timeout(timeout).GET();
            String token = token(source);
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int code = response.statusCode();
            return code == 200
                    ? ConnectionTestResult.ok(source.name() + " is ready (HTTP 200)", took(start))
                    : ConnectionTestResult.failed(source.name() + " answered HTTP " + code, took(start));
        } catch (IllegalArgumentException e) {
            return ConnectionTestResult.failed("'" + source.url() + "' is not a valid URL", took(start));
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return ConnectionTestResult.failed(source.name() + ": " + why, took(start));
        }
    }

    private Duration took(Instant start) {
        return Duration.between(start, clock.instant());
    }

    private static String token(SourceSettings source) throws IOException {
        SecretRef ref = source.secret();
        if (ref == null) {
            return null;
        }
        return switch (ref.kind()) {
            case ENV -> {
                String v = System.getenv(ref.location());
                if (v == null) {
                    throw new IOException("environment variable " + ref.location() + " is not set");
                }
                yield v.strip();
            }
            case FILE -> Files.readString(Path.of(ref.location())).strip();
            case KEYRING -> throw new IOException("the OS keyring is not available on this desktop");
        };
    }
}
