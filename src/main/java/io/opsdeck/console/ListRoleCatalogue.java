package io.opsdeck.console;

import java.util.List;

/** A fixed list of roles: the built-ins plus whatever the config adds. */
public record ListRoleCatalogue(List<Role> roles) implements RoleCatalogue {

    public ListRoleCatalogue {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("The console needs at least one role");
        }
        roles = List.copyOf(roles);
    }
}
