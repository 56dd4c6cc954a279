package io.opsdeck.alertmanager;

import java.util.Locale;

/** Alertmanager's alert states; {@code SUPPRESSED} means silenced or inhibited. */
public enum AlertState {
    ACTIVE, SUPPRESSED, UNPROCESSED;

    /** The lower-case word the API uses. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The API word, so logs and JSON read like Alertmanager's own. */
    @Override
    public String toString() {
        return apiName();
    }

    static AlertState fromApi(String text) {
        if (text == null) {
            return UNPROCESSED;
        }
        switch (text) { // once per alert: no values() copy, no lower-casing
            case "active":
                return ACTIVE;
            case "suppressed":
                return SUPPRESSED;
            case "unprocessed":
                return UNPROCESSED;
            default:
                break;
        }
        throw new IllegalArgumentException("unknown alert state '" + text + "'");
    }
}
