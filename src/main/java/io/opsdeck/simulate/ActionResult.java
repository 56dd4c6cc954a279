package io.opsdeck.simulate;

import java.util.List;

/** What a remediation action did: the faults it cleared and a one-line account of its effect. */
public record ActionResult(String host, String action, List<String> cleared, String effect) {

    public ActionResult {
        cleared = List.copyOf(cleared);
    }
}
