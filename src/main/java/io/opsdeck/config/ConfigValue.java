package io.opsdeck.config;

import io.opsdeck.util.Durations;
import io.opsdeck.util.Secret;
import io.opsdeck.util.SecretServiceKeyring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * One YAML value at a known key path and line. Every {@code asXxx} method returns empty and records a
 * {@link ConfigProblem} ({@code file:line: path: message}) when the value has the wrong shape, so a binder can read
 * everything and report all problems at once. Strings have {@code ${VAR}} references expanded ({@code $${} is a
 * literal {@code ${}).
 */
public final class ConfigValue {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|KiB|MB|MiB|GB|GiB)?");

    private final Node node;
    private final String path;
    final ConfigContext ctx;

    ConfigValue(Node node, String path, ConfigContext ctx) {
        this.node = node;
        this.path = path;
        this.ctx = ctx;
    }

    /** Dotted key path, e.g. {@code prometheus[0].tls.ca_file}. */
    public String path() {
        return path;
    }

    /** 1-based line of this value. */
    public int line() {
        return ConfigContext.lineOf(node);
    }

    /** The composed YAML node, for binders that need more than the typed readers offer. */
    public Node node() {
        return node;
    }

    /** True for {@code ~}, {@code null} or an empty value. */
    public boolean isNull() {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    /** Records a problem at this value. */
    public void problem(String message) {
        ctx.problem(node, path, message);
    }

    public Optional<String> asString() {
        if (!(node instanceof ScalarNode scalar) || isNull()) {
            problem("expected a text value, got " + describe());
            return Optional.empty();
        }
        return expand(scalar.getValue());
    }

    /** A secret: like {@link #asString()}, but the value is never echoed in problems. */
    public Optional<Secret> asSecret() {
        if (node instanceof ScalarNode scalar && scalar.getValue().startsWith(SecretServiceKeyring.PREFIX)) {
            return fromKeyring(scalar.getValue().substring(SecretServiceKeyring.PREFIX.length()));
        }
        return asString().map(Secret::of);
    }

    /** {@code keyring:NAME}: the entry in the OS keyring, looked up with this configuration's environment. */
    private Optional<Secret> fromKeyring(String entry) {
        SecretServiceKeyring keyring = new SecretServiceKeyring(ctx.env, java.time.Duration.ofSeconds(10));
        try {
            Optional<Secret> found = keyring.lookup(entry);
            if (found.isEmpty()) {
                problem("OS keyring has no entry '" + entry + "' (store it again from the console's Settings)");
            }
            return found;
        } catch (java.io.IOException e) {
            problem("cannot read '" + entry + "' from the OS keyring: " + e.getMessage());
            return Optional.empty();
        }
    }

    public Optional<Boolean> asBoolean() {
        Optional<String> text = typedText();
        if (text.isPresent()) {
            String v = text.get().toLowerCase(Locale.ROOT);
            if (v.equals("true") || v.equals("false")) {
                return Optional.of(v.equals("true"));
            }
        }
        if (text.isPresent() || !isScalarText()) {
            problem("expected true or false, got " + describe());
        }
        return Optional.empty();
    }

    public Optional<Long> asLong() {
        Optional<String> text = typedText();
        if (text.isPresent()) {
            try {
                return Optional.of(Long.parseLong(text.get().replace("_", "")));
            } catch (NumberFormatException e) {
                // fall through to the problem
            }
        }
        if (text.isPresent() || !isScalarText()) {
            problem("expected a whole number, got " + describe());
        }
        return Optional.empty();
    }

    private boolean isScalarText() {
        return node instanceof ScalarNode && !isNull();
    }

    /** The scalar's text with ${VAR} expanded; empty (problem recorded only for a bad reference) otherwise. */
    private Optional<String> typedText() {
        if (!isScalarText()) {
            return Optional.empty();
        }
        return expand(((ScalarNode) node).getValue().trim());
    }

    /** A byte count: a whole number or one with a unit (B, KB, KiB, MB, MiB, GB, GiB). */
    public Optional<Long> asBytes() {
        Optional<String> text = typedText();
        if (text.isPresent()) {
            Matcher m = SIZE.matcher(text.get());
            if (m.matches()) {
                long unit = switch (m.group(2) == null ? "B" : m.group(2)) {
                    case "KB" -> 1000L;
                    case "KiB" -> 1024L;
                    case "MB" -> 1000L * 1000;
                    case "MiB" -> 1024L * 1024;
                    case "GB" -> 1000L * 1000 * 1000;
                    case "GiB" -> 1024L * 1024 * 1024;
                    default -> 1L;
                };
                try {
                    return Optional.of(Math.multiplyExact(Long.parseLong(m.group(1)), unit));
                } catch (ArithmeticException | NumberFormatException e) {
                    // fall through
                }
            }
        }
        if (text.isPresent() || !isScalarText()) {
            problem(describe() + " is not a size (use 268435456, 256MiB or 1GB)");
        }
        return Optional.empty();
    }

    public Optional<Duration> asDuration() {
        Optional<String> text = typedText();
        Optional<Duration> d = text.flatMap(Durations::parse);
        if (d.isPresent()) {
            return d;
        }
        if (text.isPresent() || !isScalarText()) {
            problem(describe() + " is not a duration (use 30s, 5m, 1h)");
        }
        return Optional.empty();
    }

    /** An absolute http or https URL without credentials. */
    public Optional<HttpUrl> asUrl() {
        Optional<String> text = asString();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        HttpUrl url = HttpUrl.parse(text.get());
        if (url == null) {
            // The hint quotes the raw text: the expanded one may carry a secret from the environment.
            String raw = ((ScalarNode) node).getValue();
            boolean hasScheme = raw.contains("://");
            problem("not a valid http(s) URL" + (hasScheme ? "" : "; it needs a scheme, e.g. http://" + raw));
            return Optional.empty();
        }
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            problem("the URL must not carry credentials; use basic_auth or bearer_token");
            return Optional.empty();
        }
        return Optional.of(url);
    }

    /** A readable file; relative paths resolve against the config file's folder. */
    public Optional<Path> asFile() {
        return asString().flatMap(text -> {
            Path file = ctx.baseDir.resolve(text).normalize();
            if (!Files.isRegularFile(file)) {
                problem("file " + file + " does not exist");
                return Optional.empty();
            }
            if (!Files.isReadable(file)) {
                problem("file " + file + " is not readable");
                return Optional.empty();
            }
            return Optional.of(file);
        });
    }

    /** A secret read from a file (trailing newline removed), as Prometheus' *_file options do. */
    public Optional<Secret> asSecretFile() {
        return asFile().flatMap(file -> {
            try {
                String text = Files.readString(file).stripTrailing();
                if (text.isEmpty()) {
                    problem("file " + file + " is empty");
                    return Optional.empty();
                }
                return Optional.of(Secret.of(text));
            } catch (java.io.IOException e) {
                problem("file " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
                return Optional.empty();
            }
        });
    }

    public Optional<ConfigMap> asMap() {
        if (node instanceof MappingNode mapping) {
            return Optional.of(new ConfigMap(this, mapping));
        }
        problem("expected a mapping (key: value lines), got " + describe());
        return Optional.empty();
    }

    public Optional<List<ConfigValue>> asList() {
        if (node instanceof SequenceNode seq) {
            List<ConfigValue> items = new ArrayList<>();
            for (int i = 0; i < seq.getValue().size(); i++) {
                items.add(new ConfigValue(seq.getValue().get(i), path + "[" + i + "]", ctx));
            }
            return Optional.of(items);
        }
        problem("expected a list (lines starting with '- '), got " + describe());
        return Optional.empty();
    }

    /** Short description of the value for messages: the scalar quoted, or its kind. */
    String describe() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull()) {
            return "an empty value";
        }
        String v = ((ScalarNode) node).getValue();
        return "\"" + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "\"";
    }

    private Optional<String> expand(String raw) {
        return EnvReferences.expand(raw, ctx.env, this::problem);
    }
}
