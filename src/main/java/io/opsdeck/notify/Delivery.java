package io.opsdeck.notify;

/**
 * One attempt's input: the rendered message, where to send it ({@code address}: an email address for
 * email, the recipient name otherwise) and the idempotency key every attempt of this notification repeats.
 */
public record Delivery(String idempotencyKey, String address, String kind, Alert alert, Severity severity, Rendered rendered) {
}
