package io.opsdeck.alerts;

import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs every action at INFO on {@code io.opsdeck.alerts.actions}: who, what, where, which silence. */
public final class LoggingAlertActionListener implements AlertActionListener {

    private static final Logger LOG = LoggerFactory.getLogger("io.opsdeck.alerts.actions");

    @Override
    public void onAction(AlertAction a) {
        String matchers = a.matchers().stream().map(Object::toString).collect(Collectors.joining(", ", "{", "}"));
        if (a.replacedId() != null) {
            LOG.info("{} by {} on cluster {}: silence {} replaces {} {} until {}", a.kind(), a.actor(), a.cluster(),
                    a.silenceId(), a.replacedId(), matchers, a.endsAt());
        } else {
            LOG.info("{} by {} on cluster {}: silence {} {} until {}", a.kind(), a.actor(), a.cluster(),
                    a.silenceId(), matchers, a.endsAt());
        }
    }
}
