package io.opsdeck.remediation;

/** What one action did: success, exit code or HTTP status, captured output (bounded), timeout or cancellation. */
public record ExecResult(boolean ok, int code, String output, boolean timedOut, boolean cancelled) {

    public String outcome() {
        return cancelled ? "cancelled" : timedOut ? "timeout" : ok ? "ok" : "failed";
    }
}
