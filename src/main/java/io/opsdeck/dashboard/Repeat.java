package io.opsdeck.dashboard;

/**
 * Repeats a panel or row once per selected value of a variable.
 *
 * @param variable  name of the variable, without {@code $}
 * @param direction 'h' (side by side, wrapping after {@code maxPerRow}) or 'v' (stacked)
 * @param maxPerRow panels per row for horizontal repeats; 0 fits as many as the width allows
 */
public record Repeat(String variable, char direction, int maxPerRow) {

    public Repeat {
        if (variable == null || variable.isBlank()) {
            throw new IllegalArgumentException("repeat needs a variable name");
        }
        direction = direction == 'v' ? 'v' : 'h';
        maxPerRow = Math.max(0, maxPerRow);
    }
}
