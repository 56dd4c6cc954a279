package io.opsdeck.remediation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.opsdeck.notify.Durations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads plans from the {@code *.yaml} files of a folder (each file has a {@code plans:} list). Every problem names
 * the file, line and key, e.g. {@code disk.yaml:12: at plans[0].params.host: bad regex ...}.
 *
 * <pre>{@code
 * List<RemediationPlan> plans = PlanLoader.load(Path.of("rules/remediation"), settings);
 * }</pre>
 */
public final class PlanLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(Durations.jacksonModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private record PlanFile(List<RemediationPlan> plans) {
    }

    private PlanLoader() {
    }

    /** All plans of the folder, checked against the settings (URL allow-list, variables, placeholders). */
    public static List<RemediationPlan> load(Path dir, RemediationSettings settings) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": no such folder of remediation plans");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException(dir + ": " + e.getMessage(), e);
        }
        List<RemediationPlan> all = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path f : files) {
            for (RemediationPlan p : loadFile(f, settings)) {
                if (!names.add(p.name())) {
                    throw new IllegalArgumentException(f.getFileName() + ":" + lineOf(f, "name", p.name()) + ": plan name '"
                            + p.name() + "' is used twice");
                }
                all.add(p);
            }
        }
        return List.copyOf(all);
    }

    /** The plans of one file. */
    public static List<RemediationPlan> loadFile(Path file, RemediationSettings settings) {
        String where = file.getFileName().toString();
        PlanFile parsed;
        try {
            if (Files.readString(file).lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
                throw new IllegalArgumentException(where + ":1: the file needs a 'plans:' list");
            }
            parsed = YAML.readValue(file.toFile(), PlanFile.class);
        } catch (UnrecognizedPropertyException e) {
            // records are built through their constructor: Jackson reports the end of the plan, not the key's line
            int line = lineOf(file, e.getPropertyName(), null);
            throw new IllegalArgumentException(where + ":" + (line > 1 ? line : line(e)) + ": " + describe(e), e);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(where + ":" + line(e) + ": " + describe(e), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ":" + (e.getLocation() == null ? 1 : e.getLocation().getLineNr()) + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("not valid YAML"), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        if (parsed == null || parsed.plans() == null) {
            throw new IllegalArgumentException(where + ":1: the file needs a 'plans:' list");
        }
        for (RemediationPlan p : parsed.plans()) {
            String problem = check(p, settings);
            if (problem != null) {
                throw new IllegalArgumentException(where + ":" + lineOf(file, "name", p.name()) + ": plan " + p.name() + ": " + problem);
            }
        }
        return List.copyOf(parsed.plans());
    }

    /** Placeholders must name a parameter or a variable; HTTP URLs must fall under the allow-list. */
    static String check(RemediationPlan p, RemediationSettings settings) {
        Set<String> known = new HashSet<>(p.params().keySet());
        for (String v : settings.vars().keySet()) {
            if (known.contains(v)) {
                return "parameter '" + v + "' has the name of a configured variable";
            }
            known.add(v);
        }
        Map<String, ActionSpec> actions = new java.util.LinkedHashMap<>();
        actions.put("action", p.action());
        actions.put("dry_run", p.dryRun());
        actions.put("rollback", p.rollback());
        for (var entry : actions.entrySet()) {
            ActionSpec a = entry.getValue();
            if (a == null) {
                continue;
            }
            List<String> texts = new ArrayList<>();
            if (a.command() != null) {
                texts.addAll(a.command());
                texts.addAll(a.env().values());
            } else {
                texts.add(a.http().url());
                texts.add(String.valueOf(a.http().body()));
                texts.addAll(a.http().headers().values());
                String url = Placeholders.fill(a.http().url(), settings.vars(), Placeholders.Mode.URL, name -> "x");
                if (UrlPolicy.problem(url, settings.httpAllow()) != null) {
                    return entry.getKey() + ".http.url: " + UrlPolicy.problem(url, settings.httpAllow());
                }
            }
            for (String t : texts) {
                Matcher m = ActionSpec.PLACEHOLDER.matcher(t);
                while (m.find()) {
                    if (!known.contains(m.group(1))) {
                        return entry.getKey() + ": unknown placeholder {{" + m.group(1) + "}} (parameters and variables: " + known + ")";
                    }
                }
            }
        }
        if (p.verify() != null) {
            Matcher m = ActionSpec.PLACEHOLDER.matcher(p.verify().query());
            while (m.find()) {
                if (!known.contains(m.group(1))) {
                    return "verify.query: unknown placeholder {{" + m.group(1) + "}}";
                }
            }
        }
        return null;
    }

    private static int line(JsonMappingException e) {
        JsonLocation loc = e.getLocation();
        return loc == null ? 1 : loc.getLineNr();
    }

    private static String describe(JsonMappingException e) {
        String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String message = e instanceof ValueInstantiationException && e.getCause() != null ? e.getCause().getMessage() : e.getOriginalMessage();
        if (e instanceof UnrecognizedPropertyException u) {
            message = "unknown key '" + u.getPropertyName() + "' (known: " + u.getKnownPropertyIds() + ")";
        }
        // SnakeYAML's messages span lines ("while parsing...\nexpected..."): one line reads better in a log or a CLI
        return (path.isEmpty() ? "" : "at " + path + ": ") + String.join("; ", String.valueOf(message).lines().map(String::strip).toList());
    }

    private static int lineOf(Path file, String key, String value) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                String v = value == null ? ".*" : "['\"]?" + java.util.regex.Pattern.quote(value) + "['\"]?\\s*(#.*)?";
                if (l.matches("\\s*-?\\s*\\{?\\s*" + java.util.regex.Pattern.quote(key) + "\\s*:" + (value == null ? "" : "\\s*") + v)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            return 1;
        }
        return 1;
    }
}
