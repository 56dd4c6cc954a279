package io.opsdeck.http;

import java.io.IOException;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * For an {@code http://} source, whose client is built without TLS (no trust store loaded at start-up): when the
 * server redirects to {@code https://}, the request is sent again through a TLS-capable client with the same
 * settings, made on the first such redirect, which then follows the redirect as any client would. Everything else
 * passes through unchanged. The client it sits in must not follow redirects to https itself
 * ({@code followSslRedirects(false)}), or OkHttp fails with "CLEARTEXT-only client".
 */
final class SslRedirect implements Interceptor {

    private final Supplier<OkHttpClient> tlsClient;
    private volatile OkHttpClient tls;

    SslRedirect(Supplier<OkHttpClient> tlsClient) {
        this.tlsClient = tlsClient;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (!response.isRedirect()) {
            return response;
        }
        String location = response.header("Location");
        HttpUrl target = location == null ? null : response.request().url().resolve(location);
        if (target == null || !target.isHttps()) {
            return response;
        }
        response.close();
        return tls().newCall(chain.request()).execute();
    }

    private OkHttpClient tls() {
        OkHttpClient client = tls;
        if (client == null) {
            synchronized (this) {
                if (tls == null) {
                    tls = tlsClient.get();
                }
                client = tls;
            }
        }
        return client;
    }
}
