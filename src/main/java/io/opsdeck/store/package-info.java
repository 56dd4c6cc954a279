/** Durable state in SQLite (portable SQL for PostgreSQL): outbox, history, approvals, audit. */
package io.opsdeck.store;
