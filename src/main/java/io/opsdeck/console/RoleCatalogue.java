package io.opsdeck.console;

import java.util.List;
import java.util.Optional;

/** The roles the console offers: the built-in Executive, DevOps, DBA and MLOps plus any from the config. */
public interface RoleCatalogue {

    /** All roles in display order; never empty. */
    List<Role> roles();

    /** The role with this name, ignoring case. */
    default Optional<Role> find(String name) {
        return roles().stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst();
    }
}
