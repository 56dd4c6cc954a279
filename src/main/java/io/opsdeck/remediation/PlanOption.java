package io.opsdeck.remediation;

/** A plan that applies to an alert, with its risk there and what it would need ({@code auto}, {@code approval}, {@code manual_only}). */
public record PlanOption(String plan, String description, RiskAssessment risk, String decision, String action, String problem) {
}
