package io.opsdeck.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Helpers of the alert benchmarks: percentiles, amtool runs, raw downloads. */
final class Timings {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Timings() {
    }

    static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
    }

    static long amtool(String url, boolean all) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("amtool", "alert", "query", "-o", "json", "--alertmanager.url=" + url));
        if (all) {
            cmd.addAll(List.of("--active", "--silenced", "--inhibited", "--unprocessed"));
        }
        long a = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("amtool failed: " + cmd);
        }
        return System.nanoTime() - a;
    }

    /** Downloads the URL without parsing or keeping the body; returns the HTTP status. */
    static long rawGet(URI url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The body of a GET. */
    static byte[] download(URI url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    /** Downloads every URL at once, without parsing; returns when all are complete. */
    static void rawGetAll(List<URI> urls) {
        List<java.util.concurrent.CompletableFuture<HttpResponse<Void>>> all = urls.stream()
                .map(u -> HTTP.sendAsync(HttpRequest.newBuilder(u).build(), HttpResponse.BodyHandlers.discarding()))
                .toList();
        all.forEach(java.util.concurrent.CompletableFuture::join);
    }
}
