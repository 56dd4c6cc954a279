package io.opsdeck.remediation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.opsdeck.alertmanager.Matcher;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A remediation plan from {@code rules/remediation/*.yaml}: which alerts it answers ({@code match}), the parameters
 * it takes from their labels, the action, its dry-run variant, verification and rollback, base risk and whether
 * it may run by itself. See docs/remediation.md for the format.
 */
public record RemediationPlan(
        String name,
        String description,
        List<String> match,
        String target,
        Map<String, ParamRule> params,
        String risk,
        Boolean auto,
        @JsonProperty("cancel_on_resolve") Boolean cancelOnResolve,
        Duration timeout,
        ActionSpec action,
        @JsonProperty("dry_run") ActionSpec dryRun,
        VerifySpec verify,
        ActionSpec rollback) {

    public RemediationPlan {
        if (name == null || !name.matches("[a-z0-9][a-z0-9_.-]{0,99}")) {
            throw new IllegalArgumentException("a plan needs a 'name' of lower-case letters, digits, '-', '_' or '.', not '" + name + "'");
        }
        if (match == null || match.isEmpty()) {
            throw new IllegalArgumentException("plan " + name + " needs at least one 'match' matcher");
        }
        match = List.copyOf(match);
        match.forEach(Matcher::parse);
        target = target == null ? "host" : target;
        Map<String, ParamRule> named = new LinkedHashMap<>();
        (params == null ? Map.<String, ParamRule>of() : params).forEach((k, v) -> named.put(k, v.named(k)));
        params = java.util.Collections.unmodifiableMap(named);
        if (!params.containsKey(target)) {
            throw new IllegalArgumentException("plan " + name + ": the target parameter '" + target + "' is not declared in 'params'");
        }
        risk = RiskLevel.of(risk == null ? "medium" : risk).id();
        auto = auto != null && auto;
        cancelOnResolve = cancelOnResolve == null || cancelOnResolve;
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
        if (action == null) {
            throw new IllegalArgumentException("plan " + name + " needs an 'action'");
        }
    }

    public RiskLevel baseRisk() {
        return RiskLevel.of(risk);
    }

    public List<Matcher> matchers() {
        return match.stream().map(Matcher::parse).toList();
    }

    /** True when every matcher matches the labels. */
    public boolean matches(Map<String, String> labels) {
        return matchers().stream().allMatch(m -> m.matches(labels));
    }
}
