package io.opsdeck.alerts;

/**
 * A broad silence's confirmation: the user must type the number of alerts it matches.
 *
 * @param prompt e.g. {@code This silence matches 143 alerts (every current alert). Type 143 to confirm.}
 */
public record Confirmation(int count, String prompt) {

    /** Whether the typed text is exactly the count. */
    public boolean accepts(String typed) {
        return typed != null && typed.strip().equals(Integer.toString(count));
    }
}
