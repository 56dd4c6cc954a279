package io.opsdeck.remediation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.opsdeck.config.OpsdeckHome;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code remediation:} block of the agent settings. Every field has a default (documented in
 * docs/remediation.md); without a block remediation is off ({@code enabled: false}).
 *
 * <pre>{@code
 * remediation:
 *   enabled: true
 *   plans: rules/remediation        # relative to the configuration file's folder; default <opsdeck.home>/rules/remediation
 *   http_allow: ["http://127.0.0.1:9800/api/v1/actions"]
 *   vars: {simulator_url: "http://127.0.0.1:9800"}
 *   prometheus: http://127.0.0.1:9090
 * }</pre>
 */
public record RemediationSettings(
        Boolean enabled,
        @JsonProperty("auto") Boolean autoEnabled,
        @JsonProperty("dry_run") Boolean dryRun,
        Path plans,
        @JsonProperty("http_allow") List<String> httpAllow,
        Map<String, String> vars,
        String prometheus,
        @JsonProperty("fleet_size") Integer fleetSize,
        @JsonProperty("prod_envs") List<String> prodEnvs,
        Limits limits,
        Lists targets,
        Lists commands,
        List<Freeze> freezes) {

    public RemediationSettings {
        enabled = enabled != null && enabled;
        autoEnabled = autoEnabled == null || autoEnabled;
        dryRun = dryRun != null && dryRun;
        plans = plans == null ? OpsdeckHome.resolve("rules").resolve("remediation").toAbsolutePath() : plans;
        httpAllow = httpAllow == null ? List.of() : List.copyOf(httpAllow);
        vars = vars == null ? Map.of() : Map.copyOf(vars);
        prodEnvs = prodEnvs == null ? List.of("prod", "production") : List.copyOf(prodEnvs);
        limits = limits == null ? new Limits(null, null, null, null, null, null, null, null, null, null, null, null, null) : limits;
        targets = targets == null ? new Lists(null, null) : targets;
        commands = commands == null ? new Lists(null, null) : commands;
        freezes = freezes == null ? List.of() : List.copyOf(freezes);
        for (String prefix : httpAllow) {
            if (!prefix.matches("https?://[^/@]+/.*")) {
                throw new IllegalArgumentException("http_allow: '" + prefix + "' must be an http(s) URL prefix with a path, e.g. http://host:port/api/");
            }
        }
    }

    /** These settings with the plans folder, when relative, resolved against {@code dir}. */
    public RemediationSettings resolvedAgainst(Path dir) {
        return new RemediationSettings(enabled, autoEnabled, dryRun, dir.resolve(plans).normalize(), httpAllow, vars,
                prometheus, fleetSize, prodEnvs, limits, targets, commands, freezes);
    }

    /** Defaults with remediation off. */
    public static RemediationSettings disabled() {
        return new RemediationSettings(false, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Safety limits. Defaults: 10 actions per hour globally and per plan, 5 minutes cooldown per target, 4 actions at
     * once, approvals valid 15 minutes, 3 failures in a row open a plan's circuit breaker, 3 fixes of one target within
     * an hour stop automation for it, more than 20% of the fleet affected within 5 minutes stops automation, output
     * capped at 64 KiB.
     */
    public record Limits(
            @JsonProperty("per_hour") Integer perHour,
            @JsonProperty("per_plan_per_hour") Integer perPlanPerHour,
            Duration cooldown,
            @JsonProperty("max_concurrent") Integer maxConcurrent,
            @JsonProperty("approval_ttl") Duration approvalTtl,
            @JsonProperty("breaker_failures") Integer breakerFailures,
            @JsonProperty("loop_fixes") Integer loopFixes,
            @JsonProperty("loop_window") Duration loopWindow,
            @JsonProperty("fleet_brake_share") Double fleetBrakeShare,
            @JsonProperty("fleet_brake_window") Duration fleetBrakeWindow,
            @JsonProperty("blast_targets") Integer blastTargets,
            @JsonProperty("blast_share") Double blastShare,
            @JsonProperty("output_limit") Integer outputLimit) {
        public Limits {
            perHour = perHour == null ? 10 : perHour;
            perPlanPerHour = perPlanPerHour == null ? 10 : perPlanPerHour;
            cooldown = cooldown == null ? Duration.ofMinutes(5) : cooldown;
            maxConcurrent = maxConcurrent == null ? 4 : maxConcurrent;
            approvalTtl = approvalTtl == null ? Duration.ofMinutes(15) : approvalTtl;
            breakerFailures = breakerFailures == null ? 3 : breakerFailures;
            loopFixes = loopFixes == null ? 3 : loopFixes;
            loopWindow = loopWindow == null ? Duration.ofHours(1) : loopWindow;
            fleetBrakeShare = fleetBrakeShare == null ? 0.2 : fleetBrakeShare;
            fleetBrakeWindow = fleetBrakeWindow == null ? Duration.ofMinutes(5) : fleetBrakeWindow;
            blastTargets = blastTargets == null ? 3 : blastTargets;
            blastShare = blastShare == null ? 0.1 : blastShare;
            outputLimit = outputLimit == null ? 64 * 1024 : outputLimit;
            if (perHour < 0 || perPlanPerHour < 0 || maxConcurrent < 1 || breakerFailures < 1 || loopFixes < 1 || outputLimit < 1024) {
                throw new IllegalArgumentException("limits: per_hour and per_plan_per_hour must be >= 0, max_concurrent, "
                        + "breaker_failures and loop_fixes >= 1, output_limit >= 1024");
            }
        }
    }

    /** Allow and deny lists: targets as fully anchored regexes, commands as absolute paths. Empty allow = all. */
    public record Lists(List<String> allow, List<String> deny) {
        public Lists {
            allow = allow == null ? List.of() : List.copyOf(allow);
            deny = deny == null ? List.of() : List.copyOf(deny);
        }
    }

    /** A change freeze: on {@code days} (default every day) from {@code from} to {@code to} in the IANA {@code zone}. */
    public record Freeze(String zone, List<String> days, String from, String to, String reason) {
        public Freeze {
            ZoneId.of(zone == null ? "UTC" : zone);
            zone = zone == null ? "UTC" : zone;
            days = days == null ? List.of() : List.copyOf(days);
            days.forEach(d -> DayOfWeek.valueOf(d.toUpperCase(Locale.ROOT)));
            LocalTime.parse(from == null ? "00:00" : from);
            LocalTime.parse(to == null ? "23:59" : to);
            from = from == null ? "00:00" : from;
            to = to == null ? "23:59" : to;
            reason = reason == null ? "change freeze" : reason;
        }

        /** True when {@code at} falls inside the window (a window may run past midnight). */
        public boolean covers(java.time.Instant at) {
            ZonedDateTime local = at.atZone(ZoneId.of(zone));
            LocalTime t = local.toLocalTime();
            LocalTime f = LocalTime.parse(from);
            LocalTime u = LocalTime.parse(to);
            boolean inTime = f.isBefore(u) ? !t.isBefore(f) && t.isBefore(u) : !t.isBefore(f) || t.isBefore(u);
            boolean inDay = days.isEmpty() || days.stream().anyMatch(d -> DayOfWeek.valueOf(d.toUpperCase(Locale.ROOT)) == local.getDayOfWeek());
            return inTime && inDay;
        }
    }
}
