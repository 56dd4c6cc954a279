package io.opsdeck.remediation;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Runs one {@link RenderedAction}: a process started from an argument list (never a shell) with a clean
 * environment, or an HTTP call; both with a timeout, cancellation and bounded output capture.
 */
final class ActionRunner {

    /** A run in progress: its live output and a way to stop it. */
    static final class Running {
        final BoundedOutput output;
        private volatile Process process;
        private volatile Call call;
        private volatile boolean cancelled;

        Running(int limit) {
            this.output = new BoundedOutput(limit);
        }

        void cancel() {
            cancelled = true;
            Process p = process;
            if (p != null) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            Call c = call;
            if (c != null) {
                c.cancel();
            }
        }

        boolean cancelled() {
            return cancelled;
        }
    }

    private final OkHttpClient http;
    private final AtomicLong processesStarted = new AtomicLong();
    private final AtomicLong httpCalls = new AtomicLong();

    ActionRunner(OkHttpClient http) {
        this.http = http;
    }

    long processesStarted() {
        return processesStarted.get();
    }

    long httpCalls() {
        return httpCalls.get();
    }

    ExecResult run(RenderedAction a, Duration timeout, Running running) {
        if (running.cancelled()) {
            return new ExecResult(false, -1, "", false, true);
        }
        return a.isCommand() ? command(a, timeout, running) : http(a, timeout, running);
    }

    private ExecResult command(RenderedAction a, Duration timeout, Running running) {
        ProcessBuilder pb = new ProcessBuilder(a.argv()).redirectErrorStream(true).directory(new File(a.workdir()));
        pb.environment().clear();
        pb.environment().putAll(a.env());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            running.output.append("cannot start " + a.argv().get(0) + ": " + e.getMessage());
            return new ExecResult(false, -1, running.output.toString(), false, false);
        }
        processesStarted.incrementAndGet();
        running.process = p;
        closeQuietly(p);
        Thread reader = Thread.ofVirtual().start(() -> drain(p.getInputStream(), running.output));
        try {
            boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            boolean cancelledByUser = running.cancelled();
            if (!done) {
                running.cancel();
                p.waitFor(5, TimeUnit.SECONDS);
            }
            reader.join(2000);
            if (cancelledByUser) {
                return new ExecResult(false, -1, running.output.toString(), false, true);
            }
            if (!done) {
                return new ExecResult(false, -1, running.output.toString(), true, false);
            }
            return new ExecResult(p.exitValue() == 0, p.exitValue(), running.output.toString(), false, false);
        } catch (InterruptedException e) {
            running.cancel();
            Thread.currentThread().interrupt();
            return new ExecResult(false, -1, running.output.toString(), false, true);
        }
    }

    private static void closeQuietly(Process p) {
        try {
            p.getOutputStream().close();
        } catch (IOException ignored) {
            // the child never reads stdin
        }
    }

    private static void drain(InputStream in, BoundedOutput out) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
            }
        } catch (IOException ignored) {
            // process killed: keep what was captured
        }
    }

    private ExecResult http(RenderedAction a, Duration timeout, Running running) {
        RequestBody body = a.body() == null ? (a.method().equals("GET") || a.method().equals("DELETE") ? null
                : RequestBody.create(new byte[0])) : RequestBody.create(a.body(), MediaType.get("application/json"));
        Request.Builder rb = new Request.Builder().url(a.url()).method(a.method(), body);
        a.headers().forEach(rb::header);
        Call call = http.newBuilder().callTimeout(timeout).build().newCall(rb.build());
        running.call = call;
        httpCalls.incrementAndGet();
        try (Response r = call.execute()) {
            ResponseBody rbody = r.body();
            if (rbody != null) {
                drain(rbody.byteStream(), running.output);
            }
            return new ExecResult(r.isSuccessful(), r.code(), running.output.toString(), false, false);
        } catch (IOException e) {
            boolean cancelled = running.cancelled();
            boolean timedOut = !cancelled && e instanceof java.io.InterruptedIOException;
            running.output.append((timedOut ? "timed out after " + timeout.toSeconds() + "s" : cancelled ? "cancelled" : "request failed: "
                    + e.getMessage()));
            return new ExecResult(false, -1, running.output.toString(), timedOut, cancelled);
        }
    }
}
