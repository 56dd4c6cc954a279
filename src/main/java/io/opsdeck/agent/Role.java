package io.opsdeck.agent;

import java.util.Locale;

/** API roles, each allowed what the ones before it are: viewer reads, operator acknowledges and resends. */
public enum Role {
    VIEWER, OPERATOR, APPROVER, ADMIN;

    public static Role of(String name) {
        if (name == null) {
            throw new IllegalArgumentException("a user needs a role (viewer, operator, approver, admin)");
        }
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + name + "' (use viewer, operator, approver or admin)", e);
        }
    }

    public boolean allows(Role needed) {
        return compareTo(needed) >= 0;
    }
}
