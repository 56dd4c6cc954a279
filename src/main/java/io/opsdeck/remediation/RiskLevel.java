package io.opsdeck.remediation;

import java.util.Locale;

/** How risky an action is in its context; each level asks more of the people involved (see {@link Policy}). */
public enum RiskLevel {
    LOW, MEDIUM, HIGH, CRITICAL;

    /** The next level up (critical stays critical). */
    public RiskLevel raise() {
        return this == CRITICAL ? CRITICAL : values()[ordinal() + 1];
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RiskLevel of(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown risk '" + text + "' (use low, medium, high or critical)", e);
        }
    }
}
