package io.opsdeck.alertmanager;

import java.util.Locale;

/** A silence is pending before {@code startsAt}, active until {@code endsAt}, expired afterwards. */
public enum SilenceState {
    ACTIVE, PENDING, EXPIRED;

    /** The lower-case word the API uses. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The API word, so logs and JSON read like Alertmanager's own. */
    @Override
    public String toString() {
        return apiName();
    }

    static SilenceState fromApi(String text) {
        for (SilenceState state : values()) {
            if (state.apiName().equals(text)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown silence state '" + text + "'");
    }
}
