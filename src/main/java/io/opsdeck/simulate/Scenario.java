package io.opsdeck.simulate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A script of faults over simulated time, loaded from YAML:
 *
 * <pre>{@code
 * fleet: { web: 4, db: 2, ml: 2, seed: 42 }   # optional
 * loop: true                                  # optional; period defaults to the last step + 60s
 * steps:
 *   - at: 30s
 *     fault: { host: db-1, kind: disk_fill, params: { fill_in: 20m } }
 *   - at: 5m
 *     clear: { host: db-1, kind: disk_fill }
 *   - at: 6m
 *     action: { host: ml-1, action: scale_workers }
 * }</pre>
 *
 * <p>{@code Scenario.load(path)} reports the file and line of the first problem; {@link #check(Fleet)} names the step
 * whose host or fault does not fit the fleet.
 */
public record Scenario(String source, FleetSpec fleet, Long seed, boolean loop, Duration period, List<Step> steps) {

    /** One scripted change: {@code type} is {@code fault}, {@code clear} or {@code action}. */
    public record Step(Duration at, String type, String host, String name, Map<String, String> params, int line) {

        public Step {
            params = Map.copyOf(params);
        }
    }

    public Scenario {
        steps = List.copyOf(steps);
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The file's shape; steps keep their line for later errors. */
    static final class FileDto {
        public Map<String, Long> fleet;
        public boolean loop;
        public String period;
        public List<StepDto> steps;
    }

    @JsonDeserialize(using = StepDeserializer.class)
    record StepDto(JsonNode node, int line) {
    }

    static final class StepDeserializer extends StdDeserializer<StepDto> {
        StepDeserializer() {
            super(StepDto.class);
        }

        @Override
        public StepDto deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            int line = p.currentTokenLocation().getLineNr();
            return new StepDto(p.readValueAsTree(), line);
        }
    }

    /** Reads and checks a scenario file; every problem names the file and, where known, the line. */
    public static Scenario load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read scenario: " + e.getMessage(), e);
        }
        return parse(file.toString(), text);
    }

    /** Parses scenario YAML; {@code source} names it in errors. */
    public static Scenario parse(String source, String yaml) {
        FileDto dto;
        try {
            dto = YAML.readValue(yaml, FileDto.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? source : source + ":" + e.getLocation().getLineNr();
            throw new ScenarioException(where + ": " + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        }
        if (dto == null || dto.steps == null || dto.steps.isEmpty()) {
            throw new ScenarioException(source + ": scenario has no steps", null);
        }
        FleetSpec fleet = null;
        Long seed = null;
        if (dto.fleet != null) {
            Map<String, Long> f = new LinkedHashMap<>(dto.fleet);
            seed = f.remove("seed");
            try {
                fleet = new FleetSpec(count(f, "web"), count(f, "db"), count(f, "ml"));
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(source + ": fleet: " + e.getMessage(), e);
            }
            if (!f.isEmpty()) {
                throw new ScenarioException(source + ": fleet: unknown keys " + f.keySet() + " (use web, db, ml, seed)",
                        null);
            }
        }
        List<Step> steps = new ArrayList<>();
        for (StepDto s : dto.steps) {
            steps.add(step(source, s));
        }
        steps.sort(Comparator.comparing(Step::at));
        Duration period = steps.get(steps.size() - 1).at().plusSeconds(60);
        if (dto.period != null) {
            try {
                period = Quantities.duration(dto.period);
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(source + ": period: " + e.getMessage(), e);
            }
            if (period.compareTo(steps.get(steps.size() - 1).at()) <= 0) {
                throw new ScenarioException(source + ": period " + dto.period + " must be longer than the last step", null);
            }
        }
        return new Scenario(source, fleet, seed, dto.loop, period, steps);
    }

    private static int count(Map<String, Long> f, String role) {
        Long n = f.remove(role);
        return n == null ? 0 : Math.toIntExact(n);
    }

    private static Step step(String source, StepDto s) {
        String where = source + ":" + s.line() + ": ";
        JsonNode n = s.node();
        if (n == null || !n.isObject()) {
            throw new ScenarioException(where + "a step must be a mapping with 'at' and one of fault, clear, action", null);
        }
        List<String> keys = new ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        List<String> types = keys.stream().filter(k -> List.of("fault", "clear", "action").contains(k)).toList();
        List<String> unknown = keys.stream().filter(k -> !k.equals("at") && !types.contains(k)).toList();
        if (!unknown.isEmpty() || types.size() != 1 || !n.hasNonNull("at")) {
            throw new ScenarioException(where + "a step needs 'at' and exactly one of fault, clear, action; got " + keys,
                    null);
        }
        Duration at;
        try {
            at = Quantities.duration(n.get("at").asText());
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(where + "at: " + e.getMessage(), e);
        }
        String type = types.get(0);
        JsonNode body = n.get(type);
        String host = body.path("host").asText("");
        String name = body.path(type.equals("action") ? "action" : "kind").asText("");
        if (host.isEmpty() || (name.isEmpty() && !type.equals("clear"))) {
            throw new ScenarioException(where + type + " needs host and " + (type.equals("action") ? "action" : "kind"),
                    null);
        }
        Map<String, String> params = new LinkedHashMap<>();
        body.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        try {
            if (!name.isEmpty()) {
                if (type.equals("action")) {
                    RemediationAction.of(name);
                } else {
                    FaultKind kind = FaultKind.of(name);
                    for (String p : params.keySet()) {
                        if (!kind.defaults().containsKey(p)) {
                            throw new IllegalArgumentException("fault " + name + " has no parameter '" + p + "'");
                        }
                    }
                }
            }
        } catch (IllegalArgumentException | SimulationException e) {
            throw new ScenarioException(where + e.getMessage(), e);
        }
        return new Step(at, type, host, name, params, s.line());
    }

    /** Checks every step's host against the fleet and that each fault fits the host's role. */
    public void check(Fleet fleet) {
        Map<String, String> roles = new LinkedHashMap<>();
        fleet.hosts().forEach(h -> roles.put(h.name(), h.role()));
        for (Step s : steps) {
            String where = source + ":" + s.line() + ": ";
            try {
                fleet.requireHost(s.host());
            } catch (SimulationException e) {
                throw new ScenarioException(where + e.getMessage(), e);
            }
            if (s.type().equals("fault")) {
                FaultKind kind = FaultKind.of(s.name());
                if (kind.roles().stream().noneMatch(r -> r.label().equals(roles.get(s.host())))) {
                    throw new ScenarioException(where + "fault " + s.name() + " does not apply to " + s.host()
                            + " (role " + roles.get(s.host()) + ")", null);
                }
            }
        }
    }
}
