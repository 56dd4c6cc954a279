package io.opsdeck.console;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agent's remediation as the console needs it: what waits for approval, what runs, what ran, the plans that
 * apply to an alert, the decisions people make and the automation toggles. Every call blocks (run it off the UI
 * thread) and fails with one {@link RemediationException} naming the agent.
 *
 * <pre>{@code
 * for (RemediationItem r : service.pending()) {
 *     show(r.risk(), r.action(), r.dryRunOutput(), r.expiresAt());
 * }
 * service.approve(id, "checked the dry run");
 * }</pre>
 */
public interface RemediationService {

    /** Who this talks to, e.g. {@code agent (http://127.0.0.1:9095/)}, for messages. */
    String agentName();

    /** Requests waiting for approval, as the agent lists them. */
    List<RemediationItem> pending() throws RemediationException;

    /** Requests queued, running or verifying, with their output so far. */
    List<RemediationItem> running() throws RemediationException;

    /** Past and present requests, newest first, filtered by plan and result at the agent and by text here. */
    List<RemediationItem> history(RemediationFilter filter) throws RemediationException;

    /** One request with its latest output; empty when the agent does not know it. */
    Optional<RemediationItem> request(String id) throws RemediationException;

    /** Plans that apply to the alert with this fingerprint, with their risk for it. */
    List<RemediationPlanChoice> plansFor(String fingerprint) throws RemediationException;

    /** Approves with a comment (needs the approver role; never your own request). */
    RemediationOutcome approve(String id, String comment) throws RemediationException;

    /** Rejects with a comment (needs the approver role). */
    RemediationOutcome reject(String id, String comment) throws RemediationException;

    /** Cancels a queued or running request (needs the operator role). */
    RemediationOutcome cancel(String id) throws RemediationException;

    /** Starts a plan by hand for an alert; the outcome names the new request. */
    RemediationOutcome trigger(String plan, String fingerprint, String comment) throws RemediationException;

    /** {@code auto}, {@code dry_run} and {@code plan.NAME} switches, by name. */
    Map<String, Boolean> toggles() throws RemediationException;

    /** Flips one toggle (needs the admin role; the agent audits it); returns every toggle afterwards. */
    Map<String, Boolean> setToggle(String name, boolean value) throws RemediationException;
}
