package io.opsdeck.console;

import java.util.List;
import java.util.Locale;

/**
 * A remediation's risk as the agent assessed it, with the reasons: shown together wherever the level is shown.
 *
 * @param level   the level; {@link Level#UNKNOWN} when the agent sent one this console does not know
 * @param reasons why, one sentence each (untrusted text: shown as plain text)
 */
public record RemediationRisk(Level level, List<String> reasons) {

    /** Risk levels, lowest first. */
    public enum Level {
        LOW, MEDIUM, HIGH, CRITICAL, UNKNOWN;

        /** The level for the agent's id ({@code low} .. {@code critical}); anything else is UNKNOWN. */
        public static Level of(String id) {
            if (id == null) {
                return UNKNOWN;
            }
            try {
                return valueOf(id.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return UNKNOWN;
            }
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public RemediationRisk {
        level = level == null ? Level.UNKNOWN : level;
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
