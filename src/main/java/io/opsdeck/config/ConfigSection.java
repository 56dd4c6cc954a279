package io.opsdeck.config;

import java.util.List;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A top-level section the core loader does not interpret ({@code agent}, {@code notify}, {@code roles},
 * {@code remediation}, {@code dashboards}). It keeps the YAML node with its lines so the package that owns the
 * section binds it with the same {@code file:line: key: message} problems and {@code ${VAR}} expansion.
 *
 * <pre>{@code
 * AgentSettings agent = config.section("agent")
 *         .map(s -> s.bind(v -> AgentSettings.read(v.asMap().orElseThrow())))
 *         .orElse(AgentSettings.DEFAULTS);
 * }</pre>
 * {@link #toString()} names the section and its place, never its content (which may hold webhook URLs).
 */
public final class ConfigSection {

    private final String name;
    private final Node node;
    private final ConfigContext ctx;

    ConfigSection(String name, Node node, ConfigContext ctx) {
        this.name = name;
        this.node = node;
        this.ctx = ctx;
    }

    public String name() {
        return name;
    }

    /** The file as the user named it. */
    public String file() {
        return ctx.file;
    }

    public int line() {
        return ConfigContext.lineOf(node);
    }

    /** The raw composed node. */
    public Node node() {
        return node;
    }

    /**
     * Runs a binder over the section; every problem it records is collected, and if there are any they are thrown
     * together.
     */
    public <T> T bind(Function<ConfigValue, T> binder) throws ConfigException {
        List<ConfigProblem> sink = ConfigContext.newSink();
        T result = bind(binder, sink);
        if (!sink.isEmpty()) {
            throw new ConfigException(sink);
        }
        return result;
    }

    /** Runs a binder, adding its problems to {@code sink} instead of throwing (to report several sections at once). */
    public <T> T bind(Function<ConfigValue, T> binder, List<ConfigProblem> sink) {
        return binder.apply(new ConfigValue(node, name, ctx.withProblems(sink)));
    }

    @Override
    public String toString() {
        return "ConfigSection[" + name + " at " + file() + ":" + line() + "]";
    }
}
