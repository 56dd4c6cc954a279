package io.opsdeck.console;

import java.time.Instant;
import java.util.List;

/**
 * What the agent remembers about alerts: those that resolved recently, and one alert's state changes.
 * Calls block (network); {@link #none()} stands in when no agent is configured.
 *
 * <pre>{@code
 * List<ResolvedRecord> recent = history.resolvedSince(now.minus(Duration.ofHours(1)));
 * List<AlertEvent> events = history.events(recent.getFirst().fingerprint());   // newest first
 * }</pre>
 */
public interface AlertHistory {

    /** False when the console has no agent to ask; every call then fails saying so. */
    boolean configured();

    /** The latest resolution of each alert resolved at or after {@code since}, newest first. */
    List<ResolvedRecord> resolvedSince(Instant since) throws AgentException;

    /** The alert's state changes, newest first; empty when the agent never saw it. */
    List<AlertEvent> events(String fingerprint) throws AgentException;

    /** No agent configured. */
    static AlertHistory none() {
        return new AlertHistory() {
            @Override
            public boolean configured() {
                return false;
            }

            @Override
            public List<ResolvedRecord> resolvedSince(Instant since) throws AgentException {
                throw new AgentException(AgentHistory.NOT_CONFIGURED);
            }

            @Override
            public List<AlertEvent> events(String fingerprint) throws AgentException {
                throw new AgentException(AgentHistory.NOT_CONFIGURED);
            }
        };
    }
}
