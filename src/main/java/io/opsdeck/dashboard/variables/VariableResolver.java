package io.opsdeck.dashboard.variables;

import io.opsdeck.dashboard.DashboardException;
import io.opsdeck.dashboard.Intervals;
import io.opsdeck.dashboard.MetricsSource;
import io.opsdeck.dashboard.TimeRange;
import io.opsdeck.dashboard.Variable;
import io.opsdeck.dashboard.VariableType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Resolves a dashboard's variables in dependency order: a variable whose query, regex or datasource references
 * another is resolved after it; a cycle is reported as {@code variable cycle: a -> b -> a}.
 *
 * <pre>{@code
 * Map<String, VariableValue> values = VariableResolver.builder()
 *         .sources(name -> prometheusAdapter)      // MetricsSource per configured source name
 *         .sourceNames(List.of("prod"))
 *         .range(range)
 *         .selection(Map.of("node", List.of("web-1:9100")))
 *         .build()
 *         .resolve(dashboard.variables());
 * }</pre>
 */
public final class VariableResolver {

    private final Function<String, MetricsSource> sources;
    private final List<String> sourceNames;
    private final TimeRange range;
    private final Map<String, List<String>> selection;

    private VariableResolver(Builder b) {
        this.sources = Objects.requireNonNull(b.sources, "sources");
        this.sourceNames = List.copyOf(b.sourceNames);
        this.range = Objects.requireNonNull(b.range, "range");
        this.selection = Map.copyOf(b.selection);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Orders variables so every one comes after those it references; throws on a cycle. */
    public static List<Variable> dependencyOrder(List<Variable> variables) {
        Map<String, Variable> byName = new LinkedHashMap<>();
        variables.forEach(v -> byName.put(v.name(), v));
        List<Variable> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (Variable v : variables) {
            visit(v, byName, done, new ArrayList<>(), ordered);
        }
        return ordered;
    }

    private static void visit(Variable v, Map<String, Variable> byName, Set<String> done, List<String> path,
                              List<Variable> ordered) {
        if (done.contains(v.name())) {
            return;
        }
        if (path.contains(v.name())) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(v.name()), path.size()));
            cycle.add(v.name());
            throw new DashboardException("variable cycle: " + String.join(" -> ", cycle));
        }
        path.add(v.name());
        for (String dep : references(v)) {
            Variable d = byName.get(dep);
            if (d != null && !d.name().equals(v.name())) {
                visit(d, byName, done, path, ordered);
            } else if (d != null) {
                throw new DashboardException("variable cycle: " + v.name() + " -> " + v.name());
            }
        }
        path.remove(path.size() - 1);
        done.add(v.name());
        ordered.add(v);
    }

    private static List<String> references(Variable v) {
        List<String> refs = new ArrayList<>(TemplateInterpolator.referencedNames(v.query()));
        refs.addAll(TemplateInterpolator.referencedNames(v.regex()));
        if (v.datasource() != null) {
            refs.addAll(TemplateInterpolator.referencedNames(v.datasource().source()));
        }
        return refs;
    }

    /** Resolves every variable; a failing query is reported with the variable's name. */
    public Map<String, VariableValue> resolve(List<Variable> variables) {
        Map<String, VariableValue> values = new LinkedHashMap<>();
        for (Variable v : dependencyOrder(variables)) {
            try {
                values.put(v.name(), resolveOne(v, values));
            } catch (DashboardException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new DashboardException("variable '" + v.name() + "': " + e.getMessage(), e);
            }
        }
        return values;
    }

    private VariableValue resolveOne(Variable v, Map<String, VariableValue> resolved) {
        TemplateInterpolator interp = new TemplateInterpolator(resolved, new BuiltIns(range, null, null, ""));
        List<String> options = switch (v.type()) {
            case QUERY -> {
                String ds = v.datasource() == null ? "default" : interp.interpolate(v.datasource().source(),
                        TemplateInterpolator.DefaultFormat.RAW);
                MetricsSource src = sources.apply(ds);
                if (src == null) {
                    throw new DashboardException("variable '" + v.name() + "': no metrics source named '" + ds + "'");
                }
                List<String> raw = v.refresh() == 0 && !v.options().isEmpty() ? v.options()
                        : VariableQuery.parse(interp.interpolate(v.query())).execute(src, range);
                yield OptionFilter.apply(raw, v.regex(), v.sort());
            }
            case CUSTOM -> splitCsv(v.query());
            case CONSTANT, TEXTBOX -> List.of(v.query());
            case INTERVAL -> intervalOptions(v);
            case DATASOURCE -> OptionFilter.apply(sourceNames, v.regex(), 0);
        };
        boolean multiOrAll = v.multi() || v.includeAll();
        List<String> chosen = selection.containsKey(v.name()) ? selection.get(v.name()) : v.current();
        if (v.type() == VariableType.TEXTBOX && selection.containsKey(v.name())) {
            return new VariableValue(v.name(), chosen.isEmpty() ? List.of("") : List.of(chosen.get(0)), false, null,
                    false, options);
        }
        // With includeAll Grafana lists "All" first, so an empty or stale selection falls back to All.
        boolean all = v.includeAll() && (chosen.contains(Variable.ALL) || chosen.stream().noneMatch(options::contains));
        if (all) {
            return new VariableValue(v.name(), options, true, blankToNull(v.allValue()), true, options);
        }
        List<String> valid = chosen.stream().filter(options::contains).toList();
        if (valid.isEmpty()) {
            valid = options.isEmpty() ? List.of("") : List.of(options.get(0));
        } else if (!v.multi()) {
            valid = List.of(valid.get(0));
        }
        if (v.type() == VariableType.INTERVAL) {
            valid = valid.stream().map(s -> s.equals("auto") ? autoInterval(v) : s).toList();
        }
        return new VariableValue(v.name(), valid, false, null, multiOrAll, options);
    }

    private List<String> intervalOptions(Variable v) {
        List<String> opts = new ArrayList<>();
        if (v.autoCount() > 0) {
            opts.add("auto");
        }
        opts.addAll(splitCsv(v.query()));
        return opts;
    }

    private String autoInterval(Variable v) {
        Duration min = Intervals.parseOrNull(v.autoMin());
        Duration auto = Intervals.calculate(range.length(), v.autoCount(), min);
        return Intervals.format(auto);
    }

    /** Grafana's custom variable split: commas, "\," kept literally, values trimmed. */
    static List<String> splitCsv(String csv) {
        List<String> out = new ArrayList<>();
        for (String part : csv.split("(?<!\\\\),")) {
            String t = part.replace("\\,", ",").strip();
            if (!t.isEmpty() && !out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** Builder; {@code sources} and {@code range} are required. */
    public static final class Builder {
        private Function<String, MetricsSource> sources;
        private List<String> sourceNames = List.of("default");
        private TimeRange range;
        private Map<String, List<String>> selection = Map.of();

        /** Maps a configured source name to its MetricsSource (return null for unknown names). */
        public Builder sources(Function<String, MetricsSource> s) {
            this.sources = s;
            return this;
        }

        /** A single source used for every name. */
        public Builder source(MetricsSource s) {
            this.sources = name -> s;
            return this;
        }

        /** Names offered by datasource variables; default ["default"]. */
        public Builder sourceNames(List<String> names) {
            this.sourceNames = names;
            return this;
        }

        public Builder range(TimeRange r) {
            this.range = r;
            return this;
        }

        /** The user's picks by variable name; default none (stored or first values are used). */
        public Builder selection(Map<String, List<String>> s) {
            this.selection = s;
            return this;
        }

        public VariableResolver build() {
            return new VariableResolver(this);
        }
    }
}
