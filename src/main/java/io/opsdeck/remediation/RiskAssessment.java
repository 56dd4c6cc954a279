package io.opsdeck.remediation;

import java.util.List;

/** A risk level and the reasons for it, shown wherever the level is shown. */
public record RiskAssessment(RiskLevel level, List<String> reasons) {

    public RiskAssessment {
        reasons = List.copyOf(reasons);
    }
}
