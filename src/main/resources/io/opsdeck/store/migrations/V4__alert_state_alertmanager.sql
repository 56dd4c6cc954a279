-- Which Alertmanager an alert came from: the webhook payload's externalURL or the polled URL, without a trailing
-- slash. Consoles map it to their cluster names; rows from before this column have none (NULL).
ALTER TABLE alert_state ADD COLUMN alertmanager TEXT;
