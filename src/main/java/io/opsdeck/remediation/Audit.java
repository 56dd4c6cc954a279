package io.opsdeck.remediation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.opsdeck.store.RemediationRow;
import io.opsdeck.store.Store;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** Writes remediation audit records (details as canonical JSON) inside the caller's write transaction. */
final class Audit {

    static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Store store;

    Audit(Store store) {
        this.store = store;
    }

    void append(Connection c, long at, String kind, String actor, RemediationRow r, Map<String, ?> details) throws SQLException {
        store.audit().append(c, at, actor, kind, r == null ? null : r.id(), r == null ? null : r.plan(), r == null ? null : r.target(),
                json(details));
    }

    void append(Connection c, long at, String kind, String actor, String plan, String target, Map<String, ?> details) throws SQLException {
        store.audit().append(c, at, actor, kind, null, plan, target, json(details));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write audit details: " + e.getOriginalMessage(), e);
        }
    }
}
