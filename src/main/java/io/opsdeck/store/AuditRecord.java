package io.opsdeck.store;

/**
 * One audit log entry. {@code details} is a JSON object (text); {@code hash} = SHA-256(prevHash || canonical JSON
 * of the other fields), so changing or removing a record breaks the chain at that record.
 */
public record AuditRecord(long id, long at, String actor, String kind, String requestId, String plan, String target,
        String details, String prevHash, String hash) {
}
