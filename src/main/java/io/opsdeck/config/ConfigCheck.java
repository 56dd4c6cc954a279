package io.opsdeck.config;

import java.util.List;

/**
 * One contributor to {@code opsdeck check}, run after the file itself loaded cleanly (dashboards, rules, roles...).
 * Implementations return problems in the same {@code file:line: key: message} form.
 */
public interface ConfigCheck {

    /** What is checked, e.g. {@code "dashboards"}. */
    String name();

    /** Every problem found; empty when all is well. */
    List<ConfigProblem> check(OpsdeckConfig config);
}
