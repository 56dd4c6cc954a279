package io.opsdeck.remediation;

import java.time.Duration;

/**
 * How to tell that an action worked: a PromQL query polled every {@code every} (default 5s) until its result is
 * {@code expect} ({@code empty}, the default, or {@code non_empty}) or {@code within} (default 2m) has passed.
 */
public record VerifySpec(String query, String expect, Duration within, Duration every) {

    public VerifySpec {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("verify needs 'query'");
        }
        expect = expect == null ? "empty" : expect;
        if (!expect.equals("empty") && !expect.equals("non_empty")) {
            throw new IllegalArgumentException("verify.expect must be 'empty' or 'non_empty', not '" + expect + "'");
        }
        within = within == null ? Duration.ofMinutes(2) : within;
        every = every == null ? Duration.ofSeconds(5) : every;
    }

    public boolean wantsEmpty() {
        return expect.equals("empty");
    }
}
