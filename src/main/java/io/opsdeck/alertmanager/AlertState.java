package io.opsdeck.alertmanager;

import java.util.Locale;

/** Alertmanager's alert states; {@code SUPPRESSED} means silenced or inhibited. */
public enum AlertState {
    ACTIVE, SUPPRESSED, UNPROCESSED;

    /** The lower-case word the API uses. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AlertState fromApi(String text) {
        return text == null ? UNPROCESSED : valueOf(text.toUpperCase(Locale.ROOT));
    }
}
