package io.opsdeck.console;

/**
 * A plan that applies to an alert, offered by "Remediate…".
 *
 * @param plan        the plan's name
 * @param description what it does, may be empty
 * @param risk        its risk for this alert now, with the reasons
 * @param decision    what running it would need: {@code auto}, {@code approval} or {@code manual_only}
 * @param action      the exact action it would run, may be null when it cannot be rendered
 * @param problem     why it cannot run for this alert (e.g. a label fails its check), or null
 */
public record RemediationPlanChoice(String plan, String description, RemediationRisk risk, String decision,
                                    String action, String problem) {

    public RemediationPlanChoice {
        description = description == null ? "" : description;
    }
}
