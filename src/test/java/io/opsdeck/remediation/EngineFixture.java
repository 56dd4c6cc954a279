package io.opsdeck.remediation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.opsdeck.notify.Alert;
import io.opsdeck.notify.Durations;
import io.opsdeck.store.AuditRecord;
import io.opsdeck.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Settings and plans written as a user would write them, and alerts as Alertmanager delivers them. */
final class EngineFixture {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).registerModule(Durations.jacksonModule());
    /** The default limits: a large fleet, fleet brake and blast radius off, so only what a test sets applies. */
    static final String LARGE_FLEET = "fleet_size: 2000\nlimits: {fleet_brake_share: 1.0, blast_targets: 100000, blast_share: 1.0}";

    private EngineFixture() {
    }

    /** {@code extra} replaces the default fleet size and limits (a large fleet, fleet brake and blast radius off). */
    static RemediationSettings settings(Path plans, String extra) throws IOException {
        return YAML.readValue("""
                enabled: true
                plans: %s
                %s
                """.formatted(plans, extra == null ? LARGE_FLEET : extra), RemediationSettings.class);
    }

    /** An engine builder over the plan files in {@code plans} with {@link #settings}; tests add clock, events, ... */
    static RemediationEngine.Builder engine(Store store, Path plans, String extra) throws IOException {
        RemediationSettings s = settings(plans, extra);
        return RemediationEngine.builder(store, s).plans(PlanLoader.load(plans, s));
    }

    /** The kinds of a request's audit records, oldest first. */
    static List<String> auditKinds(Store store, String requestId) {
        return store.audit().list(requestId).stream().map(AuditRecord::kind).toList();
    }

    /** A plan file whose action touches a marker file named by the host: proof that a process ran. */
    static Path plans(Path dir, String risk, boolean auto) throws IOException {
        Path plans = Files.createDirectories(dir.resolve("plans"));
        Files.writeString(plans.resolve("touch.yaml"), """
                plans:
                  - name: touch-marker
                    match: ['alertname="DiskTest"']
                    params:
                      host: {label: instance, regex: '[a-z][a-z0-9-]{0,62}'}
                    risk: %s
                    auto: %s
                    timeout: 10s
                    action:
                      command: [/usr/bin/touch, '{{host}}']
                      workdir: %s
                """.formatted(risk, auto, Files.createDirectories(dir.resolve("markers"))));
        return plans;
    }

    /**
     * A plan file with one plan named {@code p} on alert DiskTest (host from label instance); {@code rest} adds keys,
     * {@code command} is the argument list, e.g. {@code "/usr/bin/sleep, '60'"}; {@code {{markers}}} in it is the marker folder.
     */
    static Path plan(Path dir, String risk, boolean auto, String command, String rest) throws IOException {
        Path plans = Files.createDirectories(dir.resolve("plans"));
        Path markers = Files.createDirectories(dir.resolve("markers"));
        Files.writeString(plans.resolve("p.yaml"), """
                plans:
                  - name: p
                    match: ['alertname="DiskTest"']
                    params:
                      host: {label: instance, regex: '[a-z][a-z0-9-]{0,62}'}
                    risk: %s
                    auto: %s
                %s
                    action:
                      command: [%s]
                      workdir: %s
                """.formatted(risk, auto, rest == null ? "" : rest.indent(4).stripTrailing(), command, markers));
        return plans;
    }

    /** The resolved notification of a firing alert (same fingerprint and start). */
    static Alert resolved(Alert a) {
        return new Alert(a.fingerprint(), "resolved", a.labels(), a.annotations(), a.startsAt(), a.startsAt().plusSeconds(60),
                null, null, null);
    }

    static Alert alert(String host, String startsAt, String severity) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", "DiskTest");
        labels.put("instance", host);
        labels.put("severity", severity);
        return new Alert(Integer.toHexString(("DiskTest" + host).hashCode()), "firing", labels, Map.of(), Instant.parse(startsAt),
                null, null, null, null);
    }

    static Alert withLabel(Alert a, String name, String value) {
        Map<String, String> labels = new LinkedHashMap<>(a.labels());
        labels.put(name, value);
        return new Alert(a.fingerprint(), a.status(), labels, a.annotations(), a.startsAt(), a.endsAt(), null, null, null);
    }
}
