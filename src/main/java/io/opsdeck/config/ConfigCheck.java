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

    /**
     * Problems plus notes: what was checked, or what could not be (a tool not installed). Notes never fail the check.
     * The default runs {@link #check} and has no notes.
     */
    default Result run(OpsdeckConfig config) {
        return new Result(check(config), List.of());
    }

    /**
     * What one contributor found.
     *
     * @param problems failures, {@code file:line: key: message}
     * @param notes    information for the operator, e.g. "promtool not installed: rule files not checked"
     */
    record Result(List<ConfigProblem> problems, List<String> notes) {
        public Result {
            problems = List.copyOf(problems);
            notes = List.copyOf(notes);
        }
    }
}
