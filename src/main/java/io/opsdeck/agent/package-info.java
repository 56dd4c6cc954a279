/** The headless agent: webhook intake, polling, outbox workers, escalation and its HTTP API. */
package io.opsdeck.agent;
