package io.opsdeck.store;

import java.util.List;

/** The result of checking the audit chain: how many records were read and what is wrong, naming record ids. */
public record AuditVerification(long records, List<String> problems, Long firstBadId) {

    public AuditVerification {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
