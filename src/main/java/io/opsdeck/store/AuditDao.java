package io.opsdeck.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The append-only, hash-chained audit log. Appends run inside the single writer's transaction, so reading the
 * head and writing the next record cannot interleave. {@link #verify()} recomputes every hash and names the first
 * record that was changed or removed (the head row also catches removal of the newest records).
 */
public final class AuditDao {

    /** The previous hash of the first record. */
    public static final String GENESIS = "0".repeat(64);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, at, actor, kind, request_id, plan, target, details, prev_hash, hash";

    private final Store store;

    AuditDao(Store store) {
        this.store = store;
    }

    /** Appends a record after the current head; {@code detailsJson} must be a JSON object. */
    public AuditRecord append(Connection c, long at, String actor, String kind, String requestId, String plan, String target,
            String detailsJson) throws SQLException {
        List<long[]> ids = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        Sql.query(c, "SELECT last_id, hash FROM audit_head WHERE name = 'audit'" + store.dialect().forUpdate(), rs -> {
            ids.add(new long[] {rs.getLong(1)});
            hashes.add(rs.getString(2));
            return null;
        });
        long id = ids.isEmpty() ? 1 : ids.get(0)[0] + 1;
        String prev = hashes.isEmpty() ? GENESIS : hashes.get(0);
        String hash = hash(prev, id, at, actor, kind, requestId, plan, target, detailsJson);
        Sql.update(c, "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, at, actor, kind, requestId, plan, target, detailsJson, prev, hash);
        if (ids.isEmpty()) {
            Sql.update(c, "INSERT INTO audit_head (name, last_id, hash) VALUES ('audit', ?, ?)", id, hash);
        } else {
            Sql.update(c, "UPDATE audit_head SET last_id = ?, hash = ? WHERE name = 'audit'", id, hash);
        }
        return new AuditRecord(id, at, actor, kind, requestId, plan, target, detailsJson, prev, hash);
    }

    /** Records in id order, optionally only those of one request. */
    public List<AuditRecord> list(String requestId) {
        return store.read(c -> requestId == null
                ? Sql.query(c, "SELECT " + COLUMNS + " FROM audit_log ORDER BY id", AuditDao::row)
                : Sql.query(c, "SELECT " + COLUMNS + " FROM audit_log WHERE request_id = ? ORDER BY id", AuditDao::row, requestId));
    }

    /** Streams every record in id order (export of large logs without holding them all). */
    public void forEach(Consumer<AuditRecord> sink) {
        store.read(c -> {
            try (var p = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_log ORDER BY id"); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    sink.accept(row(rs));
                }
            }
            return null;
        });
    }

    /** Recomputes the chain; a changed record, a gap in the ids or a missing tail is reported with its id. */
    public AuditVerification verify() {
        return store.read(c -> {
            List<String> problems = new ArrayList<>();
            Long firstBad = null;
            long count = 0;
            long expectedId = 1;
            String prev = GENESIS;
            try (var p = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_log ORDER BY id"); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    AuditRecord r = row(rs);
                    count++;
                    if (r.id() != expectedId) {
                        problems.add("record" + (r.id() - expectedId > 1 ? "s " + expectedId + ".." + (r.id() - 1) : " " + expectedId)
                                + " removed (next present record is " + r.id() + ")");
                        firstBad = firstBad == null ? expectedId : firstBad;
                    } else if (!r.prevHash().equals(prev)) {
                        problems.add("record " + r.id() + ": previous hash does not match record " + (r.id() - 1));
                        firstBad = firstBad == null ? r.id() : firstBad;
                    }
                    String recomputed = hash(r.prevHash(), r.id(), r.at(), r.actor(), r.kind(), r.requestId(), r.plan(), r.target(), r.details());
                    if (!recomputed.equals(r.hash())) {
                        problems.add("record " + r.id() + " was changed (its hash does not match its content)");
                        firstBad = firstBad == null ? r.id() : firstBad;
                    }
                    prev = r.hash();
                    expectedId = r.id() + 1;
                }
            }
            List<long[]> head = Sql.query(c, "SELECT last_id FROM audit_head WHERE name = 'audit'", rs -> new long[] {rs.getLong(1)});
            long last = head.isEmpty() ? 0 : head.get(0)[0];
            if (last >= expectedId) {
                problems.add("record" + (last > expectedId ? "s " + expectedId + ".." + last : " " + last) + " removed from the end of the log");
                firstBad = firstBad == null ? expectedId : firstBad;
            }
            return new AuditVerification(count, problems, firstBad);
        });
    }

    static String hash(String prev, long id, long at, String actor, String kind, String requestId, String plan, String target,
            String details) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        // fixed key order, absent values as null: the same record always gives the same bytes
        canonical.put("actor", actor);
        canonical.put("at", at);
        canonical.put("details", details);
        canonical.put("id", id);
        canonical.put("kind", kind);
        canonical.put("plan", plan);
        canonical.put("request_id", requestId);
        canonical.put("target", target);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prev.getBytes(StandardCharsets.US_ASCII));
            sha.update(JSON.writeValueAsBytes(canonical));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot hash an audit record: " + e.getMessage(), e);
        }
    }

    private static AuditRecord row(ResultSet rs) throws SQLException {
        return new AuditRecord(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10));
    }
}
