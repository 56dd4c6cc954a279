/** Notification channels (email, Slack, webhooks, PagerDuty, desktop), routing and templates. */
package io.opsdeck.notify;
