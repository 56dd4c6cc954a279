package io.opsdeck.remediation;

/**
 * Who must agree before a request runs. Automatic only when the global toggle, the plan's {@code auto} and a LOW
 * level agree; medium (or low without auto) needs one approval; high needs two distinct approvers, neither the
 * requester; critical runs only when an admin triggers it by hand.
 */
final class Policy {

    /** What a request needs. */
    enum Decision { AUTO, APPROVAL, MANUAL_ONLY }

    private Policy() {
    }

    static Decision decide(RiskLevel level, boolean globalAuto, boolean planAuto) {
        if (level == RiskLevel.CRITICAL) {
            return Decision.MANUAL_ONLY;
        }
        return level == RiskLevel.LOW && globalAuto && planAuto ? Decision.AUTO : Decision.APPROVAL;
    }

    static int approvalsNeeded(RiskLevel level) {
        return switch (level) {
            case LOW, MEDIUM -> 1;
            case HIGH -> 2;
            case CRITICAL -> Integer.MAX_VALUE;
        };
    }
}
