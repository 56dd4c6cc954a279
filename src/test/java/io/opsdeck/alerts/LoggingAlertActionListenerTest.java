package io.opsdeck.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.opsdeck.alertmanager.Matcher;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingAlertActionListenerTest {

    @Test
    void logsWhoDidWhatWhereWithWhichSilence() {
        Logger logger = (Logger) LoggerFactory.getLogger("io.opsdeck.alerts.actions");
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try {
            Instant at = Instant.parse("2026-03-02T12:00:00Z");
            LoggingAlertActionListener listener = new LoggingAlertActionListener();
            listener.onAction(new AlertAction(AlertAction.Kind.ACKNOWLEDGE, "eu", "s-1", null, "ana",
                    List.of(Matcher.equal("alertname", "HostDown\nFAKE LOG LINE")), "ACK! x (via OpsDeck)", at,
                    at.plusSeconds(900)));
            listener.onAction(new AlertAction(AlertAction.Kind.SILENCE_EDIT, "eu", "s-3", "s-2", "bob", List.of(), "",
                    at, at.plusSeconds(60)));
            assertThat(events.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                    "ACKNOWLEDGE by ana on cluster eu: silence s-1 {alertname=\"HostDown\\nFAKE LOG LINE\"} until"
                            + " 2026-03-02T12:15:00Z",
                    "SILENCE_EDIT by bob on cluster eu: silence s-3 replaces s-2 {} until 2026-03-02T12:01:00Z");
        } finally {
            logger.detachAppender(events);
        }
    }
}
