package io.opsdeck.remediation;

/**
 * The answer to an approval, rejection, cancellation or trigger: {@code code} is ok, not_found, forbidden or
 * conflict; {@code status} is the request's status afterwards.
 */
public record Outcome(String code, String requestId, String status, String message) {

    static Outcome ok(String id, String status, String message) {
        return new Outcome("ok", id, status, message);
    }

    static Outcome notFound(String id) {
        return new Outcome("not_found", id, null, "no remediation request " + id);
    }

    static Outcome forbidden(String id, String status, String message) {
        return new Outcome("forbidden", id, status, message);
    }

    static Outcome conflict(String id, String status, String message) {
        return new Outcome("conflict", id, status, message);
    }

    public boolean ok() {
        return "ok".equals(code);
    }
}
