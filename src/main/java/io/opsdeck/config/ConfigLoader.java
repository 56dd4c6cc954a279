package io.opsdeck.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads and validates the OpsDeck YAML file, reporting every problem at once.
 *
 * <pre>{@code
 * ConfigLoader loader = ConfigLoader.builder().build();          // real environment, OS user
 * OpsdeckConfig config = loader.loadOrEmpty(ConfigLocator.system().locate(null));
 * if (!config.isConfigured()) { startDemo(); }
 * }</pre>
 * A present but broken file throws {@link ConfigException} with the full problem list.
 */
public final class ConfigLoader {

    /** Sections owned by other packages; kept raw in {@link OpsdeckConfig#sections()}. */
    public static final Set<String> SECTIONS = Set.of("agent", "notify", "roles", "remediation", "dashboards", "rules");

    private final Map<String, String> env;
    private final String defaultOperator;

    private ConfigLoader(Builder b) {
        this.env = Map.copyOf(b.env);
        this.defaultOperator = b.defaultOperator;
    }

    /** Defaults: the process environment, and the OS user ({@code user.name}) as operator. */
    public static Builder builder() {
        return new Builder();
    }

    /** Loads a file that must exist. */
    public OpsdeckConfig load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(List.of(new ConfigProblem(file.toString(), 0, "", "file not found")));
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigProblem(file.toString(), 0, "",
                    "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")")));
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), dir, file);
    }

    /** Like {@link #load(Path)}, but a missing default file is "nothing configured" rather than an error. */
    public OpsdeckConfig loadOrEmpty(ConfigLocation location) throws ConfigException {
        if (location.origin() == ConfigLocation.Origin.DEFAULT && !location.exists()) {
            return OpsdeckConfig.empty(defaultOperator);
        }
        return load(location.path());
    }

    /** Parses YAML text; {@code fileName} is used in problems, {@code baseDir} resolves relative file paths. */
    public OpsdeckConfig parse(String yaml, String fileName, Path baseDir) throws ConfigException {
        return parse(yaml, fileName, baseDir, null);
    }

    private OpsdeckConfig parse(String yaml, String fileName, Path baseDir, Path file) throws ConfigException {
        List<ConfigProblem> problems = new ArrayList<>();
        ConfigContext ctx = new ConfigContext(fileName, baseDir, env, problems);
        Optional<Node> root = compose(yaml, fileName, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        if (root.isEmpty()) {
            return new OpsdeckConfig(Optional.ofNullable(file), defaultOperator, List.of(), List.of(), Map.of());
        }
        ConfigValue rootValue = new ConfigValue(root.get(), "", ctx);
        Optional<ConfigMap> top = rootValue.asMap();
        if (top.isEmpty()) {
            throw new ConfigException(problems);
        }
        OpsdeckConfig config = bind(top.get(), ctx, file);
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(ConfigProblem::line)); // stable: file order per line
            throw new ConfigException(problems);
        }
        return config;
    }

    private static Optional<Node> compose(String yaml, String fileName, List<ConfigProblem> problems) {
        LoadSettings settings = LoadSettings.builder().setLabel(fileName).build();
        try {
            return new Compose(settings).composeString(yaml);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
            problems.add(new ConfigProblem(fileName, line, "", "invalid YAML: " + problem));
        } catch (YamlEngineException e) {
            problems.add(new ConfigProblem(fileName, 0, "", "invalid YAML: " + e.getMessage()));
        }
        return Optional.empty();
    }

    private OpsdeckConfig bind(ConfigMap top, ConfigContext ctx, Path file) {
        String operator = top.string("operator").orElse(defaultOperator);
        List<PrometheusSource> prometheus = new ArrayList<>();
        Map<String, ConfigValue> names = new LinkedHashMap<>();
        for (ConfigValue item : top.list("prometheus")) {
            item.asMap().ifPresent(m -> {
                Optional<String> name = SourceReader.name(m);
                boolean isDefault = m.bool("default").orElse(false);
                var connection = SourceReader.connection(m, name.orElse("?"));
                m.finish();
                if (name.isPresent() && unique(names, name.get(), m) && connection.isPresent()) {
                    prometheus.add(new PrometheusSource(name.get(), connection.get(), isDefault));
                }
            });
        }
        if (prometheus.stream().filter(PrometheusSource::isDefault).count() > 1) {
            top.problem("prometheus", "more than one source has default: true; mark only one");
        }
        List<AlertmanagerSource> alertmanagers = new ArrayList<>();
        names.clear();
        for (ConfigValue item : top.list("alertmanager")) {
            item.asMap().ifPresent(m -> {
                Optional<String> name = SourceReader.name(m);
                Optional<String> cluster = m.string("cluster");
                cluster.filter(c -> !SourceReader.NAME.matcher(c).matches()).ifPresent(c ->
                        m.problem("cluster", "\"" + c + "\" is not a valid cluster name"));
                var connection = SourceReader.connection(m, name.orElse("?"));
                m.finish();
                if (name.isPresent() && unique(names, name.get(), m) && connection.isPresent()) {
                    alertmanagers.add(new AlertmanagerSource(name.get(), cluster.orElse(name.get()), connection.get()));
                }
            });
        }
        Map<String, ConfigSection> sections = new LinkedHashMap<>();
        for (String section : SECTIONS) {
            top.get(section).ifPresent(v -> sections.put(section, new ConfigSection(section, v.node(), ctx)));
        }
        top.finish();
        return new OpsdeckConfig(Optional.ofNullable(file), operator, prometheus, alertmanagers, sections);
    }

    private static boolean unique(Map<String, ConfigValue> seen, String name, ConfigMap m) {
        ConfigValue first = seen.putIfAbsent(name, m.value());
        if (first != null) {
            m.problem("name", "duplicate name \"" + name + "\" (also " + first.path() + " at line " + first.line() + ")");
            return false;
        }
        return true;
    }

    /** Builder; see {@link ConfigLoader#builder()} for defaults. */
    public static final class Builder {
        private Map<String, String> env = System.getenv();
        private String defaultOperator = System.getProperty("user.name", "operator");

        private Builder() {
        }

        /** The variables {@code ${VAR}} references resolve from. */
        public Builder environment(Map<String, String> value) {
            this.env = value;
            return this;
        }

        /** The operator when the file names none. */
        public Builder defaultOperator(String value) {
            this.defaultOperator = value;
            return this;
        }

        public ConfigLoader build() {
            return new ConfigLoader(this);
        }
    }
}
