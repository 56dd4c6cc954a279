package io.opsdeck.http;

import io.opsdeck.util.Secret;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.HostnameVerifier;
import okhttp3.ConnectionSpec;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.internal.tls.OkHostnameVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns {@link ConnectionSettings} into a ready {@link OkHttpClient}. All clients share one connection pool and
 * dispatcher, so building one per source is cheap.
 *
 * <pre>{@code
 * OkHttpClient client = HttpClients.forSource(settings);
 * try (Response r = client.newCall(new Request.Builder().url(settings.url().resolve("/-/ready")).build()).execute()) {
 *     ...
 * } catch (IOException e) {
 *     log.warn(TransportErrors.describe(settings.name(), settings.url(), e));
 * }
 * }</pre>
 */
public final class HttpClients {

    private static final Logger LOG = LoggerFactory.getLogger(HttpClients.class);
    /**
     * The base of every client: one connection pool and dispatcher, cleartext only. A client that may speak TLS
     * loads the JDK's trust store and builds an SSL context when it is made (about 0.12 s of CPU, a tenth of the
     * console's warm start), so that is only done for sources that need it ({@link TlsBase}).
     */
    private static final OkHttpClient SHARED = new OkHttpClient.Builder()
            .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();
    private static final Set<String> WARNED_INSECURE = ConcurrentHashMap.newKeySet();

    private HttpClients() {
    }

    /**
     * A client with the source's timeouts, credentials, headers, TLS, proxy and response size cap.
     *
     * @throws IllegalArgumentException when a TLS file cannot be read or parsed (the message names the source,
     *     the key and the file)
     */
    public static OkHttpClient forSource(ConnectionSettings settings) {
        if (settings.url().isHttps() || !settings.tls().equals(TlsSettings.DEFAULT)) {
            return builder(settings, TlsBase.CLIENT).build();
        }
        // http:// source: no TLS set-up, unless it redirects to https (then the request is sent again with TLS).
        return builder(settings, SHARED).followSslRedirects(false)
                .addInterceptor(new SslRedirect(() -> builder(settings, TlsBase.CLIENT).build())).build();
    }

    private static OkHttpClient.Builder builder(ConnectionSettings settings, OkHttpClient base) {
        OkHttpClient.Builder b = base.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.timeout())
                .writeTimeout(settings.timeout())
                .callTimeout(settings.timeout().plus(settings.connectTimeout()));
        Interceptor headers = headerInterceptor(settings);
        if (headers != null) {
            b.addInterceptor(headers);
        }
        b.addNetworkInterceptor(new ResponseSizeLimit(settings.maxResponseBytes()));
        configureTls(settings, b);
        settings.proxy().ifPresent(p -> b.proxy(
                new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.host(), p.port()))));
        return b;
    }

    /** The TLS-capable base (same pool and dispatcher), made on first use. */
    private static final class TlsBase {
        static final OkHttpClient CLIENT = SHARED.newBuilder()
                .connectionSpecs(List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT)).build(); // OkHttp's default
    }

    private static Interceptor headerInterceptor(ConnectionSettings settings) {
        Map<String, Secret> extra = settings.headers();
        String authorization = settings.basicAuth()
                .map(a -> Credentials.basic(a.username(), a.password().reveal()))
                .or(() -> settings.bearerToken().map(t -> "Bearer " + t.reveal()))
                .orElse(null);
        if (extra.isEmpty() && authorization == null) {
            return null;
        }
        return chain -> {
            Request.Builder request = chain.request().newBuilder();
            extra.forEach((name, value) -> request.header(name, value.reveal()));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return chain.proceed(request.build());
        };
    }

    private static void configureTls(ConnectionSettings settings, OkHttpClient.Builder b) {
        TlsSettings tls = settings.tls();
        if (tls.equals(TlsSettings.DEFAULT)) {
            return;
        }
        TlsContexts.Tls built;
        try {
            built = TlsContexts.build(tls);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(settings.name() + ": " + e.getMessage(), e);
        }
        b.sslSocketFactory(built.context().getSocketFactory(), built.trustManager());
        if (tls.insecureSkipVerify()) {
            if (WARNED_INSECURE.add(settings.name())) {
                LOG.warn("Source {}: tls.insecure_skip_verify is set; its certificate and host name are NOT checked",
                        settings.name());
            }
            b.hostnameVerifier((host, session) -> true);
        } else if (tls.serverName().isPresent()) {
            String expected = tls.serverName().get();
            HostnameVerifier verifier = (host, session) -> OkHostnameVerifier.INSTANCE.verify(expected, session);
            b.hostnameVerifier(verifier);
        }
    }

    /**
     * Reads and parses the TLS files without building a client, so a configuration check can report a bad PEM file.
     *
     * @return the problem (naming key and file), or empty when the files are usable
     */
    public static java.util.Optional<String> checkTls(TlsSettings tls) {
        if (tls.equals(TlsSettings.DEFAULT)) {
            return java.util.Optional.empty();
        }
        try {
            TlsContexts.build(tls);
            return java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.of(e.getMessage());
        }
    }

    /**
     * An SSL context for non-HTTP clients (SMTP): trusts {@code tls.caFile} (else the platform roots), presents the
     * client certificate if set, and trusts anything when {@code insecureSkipVerify}. Host names are the caller's job.
     *
     * @throws IllegalArgumentException when a TLS file cannot be read or parsed (the message names the key and file)
     */
    public static javax.net.ssl.SSLContext sslContext(TlsSettings tls) {
        return TlsContexts.build(tls).context();
    }

    /** The source URL with a path appended, e.g. {@code resolve(settings, "api/v1/query")}. */
    public static HttpUrl resolve(ConnectionSettings settings, String relativePath) {
        HttpUrl base = settings.url();
        HttpUrl.Builder b = base.newBuilder();
        for (String segment : relativePath.split("/")) {
            if (!segment.isEmpty()) {
                b.addPathSegment(segment);
            }
        }
        return b.build();
    }
}
