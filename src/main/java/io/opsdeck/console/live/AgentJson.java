package io.opsdeck.console.live;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one JSON mapper of the agent's clients (event stream, history, remediation, audit), made on first use.
 * A {@code static final} mapper in each client was made when the console's services were built: the first
 * {@code new ObjectMapper()} loads about 400 Jackson classes, and that ran on the main thread while the window
 * waited for those services (docs/performance.md, "Console start-up", fourth pass). Now the first call, on a poller
 * or worker thread, pays it.
 */
final class AgentJson {

    /** Thread-safe once made, as every ObjectMapper that is not reconfigured. */
    static final ObjectMapper MAPPER = new ObjectMapper();

    private AgentJson() {
    }
}
