package io.opsdeck.config;

import io.opsdeck.http.ConnectionSettings;
import io.opsdeck.http.HttpClients;
import io.opsdeck.http.TlsSettings;
import io.opsdeck.util.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** Binds the connection options shared by Prometheus and Alertmanager sources. */
final class SourceReader {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private SourceReader() {
    }

    /** Reads {@code name}; empty when missing or invalid (the problem is recorded). */
    static Optional<String> name(ConfigMap m) {
        Optional<String> name = m.requiredString("name");
        if (name.isPresent() && !NAME.matcher(name.get()).matches()) {
            m.problem("name", "\"" + name.get() + "\" is not a valid name (letters, digits, '_', '.', '-')");
            return Optional.empty();
        }
        return name;
    }

    /** Reads every connection option; empty when any of them is broken. */
    static Optional<ConnectionSettings> connection(ConfigMap m, String name) {
        int before = m.value().ctx.problems.size();
        Optional<HttpUrl> url = m.required("url").flatMap(ConfigValue::asUrl);
        Duration timeout = positive(m, "timeout").orElse(ConnectionSettings.DEFAULT_TIMEOUT);
        Duration connectTimeout = positive(m, "connect_timeout").orElse(ConnectionSettings.DEFAULT_CONNECT_TIMEOUT);
        Map<String, String> headers = m.stringMap("headers");
        headers.forEach((k, v) -> {
            if (!HEADER_NAME.matcher(k).matches()) {
                m.problem("headers", "\"" + k + "\" is not a valid header name");
            } else if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                m.problem("headers", "the value of header " + k + " contains a line break");
            }
        });
        ConnectionSettings.Builder b = ConnectionSettings.builder(name, url.orElse(HttpUrl.get("http://invalid")))
                .timeout(timeout).connectTimeout(connectTimeout).headers(headers);
        basicAuth(m, b);
        Optional<Secret> bearer = secretOrFile(m, "bearer_token", "bearer_token_file");
        if (bearer.isPresent() && m.has("basic_auth")) {
            m.problem("bearer_token", "basic_auth and bearer_token are exclusive; keep one");
        } else {
            bearer.ifPresent(b::bearerToken);
        }
        m.map("tls").flatMap(SourceReader::tls).ifPresent(tls -> {
            HttpClients.checkTls(tls).ifPresentOrElse(problem -> m.problem("tls", problem), () -> b.tls(tls));
        });
        m.url("proxy_url").ifPresent(p -> {
            if (!p.scheme().equals("http")) {
                m.problem("proxy_url", "only http:// proxies are supported");
            }
            b.proxy(p);
        });
        m.bytes("max_response_bytes").ifPresent(n -> {
            if (n <= 0) {
                m.problem("max_response_bytes", "must be positive");
            } else {
                b.maxResponseBytes(n);
            }
        });
        if (m.value().ctx.problems.size() != before || url.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(b.build());
    }

    private static Optional<Duration> positive(ConfigMap m, String key) {
        Optional<Duration> d = m.duration(key);
        if (d.isPresent() && d.get().isZero()) {
            m.problem(key, "must be longer than 0s");
            return Optional.empty();
        }
        return d;
    }

    private static void basicAuth(ConfigMap parent, ConnectionSettings.Builder b) {
        parent.map("basic_auth").ifPresent(m -> {
            Optional<String> user = m.requiredString("username");
            Optional<Secret> password = secretOrFile(m, "password", "password_file");
            if (!m.has("password") && !m.has("password_file")) {
                m.problem("username", "basic_auth needs password or password_file");
            }
            m.finish();
            if (user.isPresent() && password.isPresent()) {
                b.basicAuth(user.get(), password.get());
            }
        });
    }

    private static Optional<Secret> secretOrFile(ConfigMap m, String key, String fileKey) {
        if (m.has(key) && m.has(fileKey)) {
            m.problem(fileKey, key + " and " + fileKey + " are exclusive; keep one");
            return Optional.empty();
        }
        return m.secret(key).or(() -> m.get(fileKey).flatMap(ConfigValue::asSecretFile));
    }

    private static Optional<TlsSettings> tls(ConfigMap m) {
        Optional<Path> ca = m.file("ca_file");
        Optional<Path> cert = m.file("cert_file");
        Optional<Path> key = m.file("key_file");
        boolean insecure = m.bool("insecure_skip_verify").orElse(false);
        Optional<String> serverName = m.string("server_name");
        boolean ok = true;
        if (insecure && m.has("ca_file")) {
            m.problem("insecure_skip_verify", "insecure_skip_verify and ca_file contradict each other; "
                    + "keep ca_file to verify against your CA");
            ok = false;
        }
        if (m.has("cert_file") != m.has("key_file")) {
            m.problem(m.has("cert_file") ? "cert_file" : "key_file",
                    "a client certificate needs both cert_file and key_file");
            ok = false;
        }
        m.finish();
        if (!ok || (m.has("ca_file") && ca.isEmpty()) || (m.has("cert_file") && (cert.isEmpty() || key.isEmpty()))) {
            return Optional.empty();
        }
        return Optional.of(new TlsSettings(ca, cert, key, insecure, serverName));
    }
}
