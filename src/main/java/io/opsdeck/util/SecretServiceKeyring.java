package io.opsdeck.util;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The OS keyring on Linux desktops: the freedesktop Secret Service (GNOME Keyring, KWallet 5.97+, KeePassXC) over
 * D-Bus, reached through libsecret's own client {@code secret-tool} (Debian package {@code libsecret-tools}), so no
 * D-Bus or native code lives here. Entries carry the attributes {@code application=opsdeck entry=<name>}.
 * Secrets go to the tool on stdin and come back on stdout; they never appear on a command line, in a log or in an
 * error message.
 *
 * <pre>{@code
 * SecretServiceKeyring keyring = new SecretServiceKeyring(System.getenv(), Duration.ofSeconds(10));
 * if (keyring.unavailableReason().isEmpty()) {
 *     keyring.store("prometheus-main", password);
 *     Optional<Secret> back = keyring.lookup("prometheus-main");
 * }
 * }</pre>
 */
public final class SecretServiceKeyring {

    /** How a configuration value names a keyring entry: {@code password: keyring:prometheus-main}. */
    public static final String PREFIX = "keyring:";
    private static final String TOOL = "secret-tool";
    private final Map<String, String> env;
    private final Duration timeout;
    private Optional<String> reason;

    /** @param env the environment the tool runs in (PATH, DBUS_SESSION_BUS_ADDRESS); timeout per call */
    public SecretServiceKeyring(Map<String, String> env, Duration timeout) {
        this.env = Map.copyOf(env);
        this.timeout = Objects.requireNonNull(timeout);
    }

    /** Why the keyring cannot be used here (checked once, then remembered), or empty when it can. */
    public synchronized Optional<String> unavailableReason() {
        if (reason == null) {
            reason = probe();
        }
        return reason;
    }

    /** Stores (or replaces) the entry. */
    public void store(String entry, char[] secret) throws IOException {
        failIfUnavailable();
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
        byte[] input = new byte[bytes.remaining()];
        bytes.get(input);
        Arrays.fill(bytes.array(), (byte) 0);
        try {
            Result r = run(List.of("store", "--label=OpsDeck " + entry, "application", "opsdeck", "entry", entry), input);
            if (r.code() != 0) {
                throw new IOException("the OS keyring refused to store '" + entry + "': " + r.error());
            }
        } finally {
            Arrays.fill(input, (byte) 0);
        }
    }

    /** The entry's secret, or empty when there is no such entry. */
    public Optional<Secret> lookup(String entry) throws IOException {
        failIfUnavailable();
        Result r = run(List.of("lookup", "application", "opsdeck", "entry", entry), new byte[0]);
        if (r.code() != 0 || r.output().isEmpty()) {
            if (!r.error().isEmpty()) {
                throw new IOException("the OS keyring did not answer for '" + entry + "': " + r.error());
            }
            return Optional.empty();
        }
        return Optional.of(Secret.of(r.output()));
    }

    private void failIfUnavailable() throws IOException {
        Optional<String> why = unavailableReason();
        if (why.isPresent()) {
            throw new IOException(why.get());
        }
    }

    private Optional<String> probe() {
        if (tool().isEmpty()) {
            return Optional.of("no OS keyring client: install libsecret's secret-tool (Debian: libsecret-tools) and a"
                    + " Secret Service such as gnome-keyring");
        }
        if (env.get("DBUS_SESSION_BUS_ADDRESS") == null && env.get("XDG_RUNTIME_DIR") == null) {
            return Optional.of("no D-Bus session (DBUS_SESSION_BUS_ADDRESS is not set), so no Secret Service to talk to");
        }
        try {
            Result r = run(List.of("lookup", "application", "opsdeck", "entry", "opsdeck-probe"), new byte[0]);
            return r.error().isEmpty() ? Optional.empty() : Optional.of("the Secret Service did not answer: " + r.error());
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
    }

    private Optional<Path> tool() {
        String path = env.getOrDefault("PATH", "/usr/bin:/bin");
        return Arrays.stream(path.split(File.pathSeparator)).filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, TOOL)).filter(Files::isExecutable).findFirst();
    }

    private record Result(int code, String output, String error) {
    }

    private Result run(List<String> args, byte[] input) throws IOException {
        Path tool = tool().orElseThrow(() -> new IOException("secret-tool is not installed"));
        List<String> cmd = new java.util.ArrayList<>(List.of(tool.toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(input);
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException("the OS keyring did not answer within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the OS keyring", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return new Result(p.exitValue(), out, err.lines().findFirst().orElse(""));
    }
}
