package io.opsdeck.console;

import java.util.Locale;

/**
 * What the remediation history shows: a plan and a result the agent filters by, and free text matched here
 * against the request's words (case-insensitive). Blank means "any".
 *
 * @param plan   a plan name, or blank
 * @param result a result ({@code succeeded}, {@code failed}, ...), or blank
 * @param text   free text, or blank
 * @param limit  at most this many requests, newest first
 */
public record RemediationFilter(String plan, String result, String text, int limit) {

    /** Default history size. */
    public static final int DEFAULT_LIMIT = 200;

    public RemediationFilter {
        plan = plan == null ? "" : plan.strip();
        result = result == null ? "" : result.strip();
        text = text == null ? "" : text.strip();
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, not " + limit);
        }
    }

    /** Everything, the newest {@link #DEFAULT_LIMIT}. */
    public static RemediationFilter all() {
        return new RemediationFilter("", "", "", DEFAULT_LIMIT);
    }

    /** Whether the request's words contain the free text. */
    public boolean matchesText(RemediationItem item) {
        return text.isEmpty() || item.searchText().contains(text.toLowerCase(Locale.ROOT));
    }
}
