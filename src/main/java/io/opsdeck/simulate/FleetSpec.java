package io.opsdeck.simulate;

import java.util.ArrayList;
import java.util.List;

/**
 * How many hosts of each role to simulate. Hosts are named {@code web-1..web-N}, {@code db-1..}, {@code ml-1..}.
 *
 * <pre>{@code
 * FleetSpec spec = FleetSpec.parse("web=4,db=2,ml=2");   // or FleetSpec.ofSize(2000)
 * }</pre>
 */
public record FleetSpec(int web, int db, int ml) {

    /** The default demo fleet: 4 web, 2 db, 2 ml. */
    public static final FleetSpec DEFAULT = new FleetSpec(4, 2, 2);

    public FleetSpec {
        if (web < 0 || db < 0 || ml < 0 || web + db + ml == 0) {
            throw new IllegalArgumentException("fleet needs at least one host and no negative counts, got web="
                    + web + ",db=" + db + ",ml=" + ml);
        }
    }

    /** Parses {@code web=4,db=2,ml=2}; roles left out get 0 hosts. */
    public static FleetSpec parse(String text) {
        int web = 0;
        int db = 0;
        int ml = 0;
        for (String part : text.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("bad fleet '" + text + "': expected role=count pairs like web=4,db=2,ml=2");
            }
            int n;
            try {
                n = Integer.parseInt(kv[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad fleet '" + text + "': '" + kv[1].trim() + "' is not a number");
            }
            switch (kv[0].trim()) {
                case "web" -> web = n;
                case "db" -> db = n;
                case "ml" -> ml = n;
                default -> throw new IllegalArgumentException("bad fleet '" + text + "': unknown role '" + kv[0].trim()
                        + "' (roles: web, db, ml)");
            }
        }
        return new FleetSpec(web, db, ml);
    }

    /** A fleet of {@code size} hosts: half web, a quarter db, the rest ml. */
    public static FleetSpec ofSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("fleet size must be at least 1, got " + size);
        }
        int web = Math.max(1, size / 2);
        int db = Math.min(size - web, size / 4);
        return new FleetSpec(web, db, size - web - db);
    }

    public int size() {
        return web + db + ml;
    }

    public int count(Role role) {
        return switch (role) {
            case WEB -> web;
            case DB -> db;
            case ML -> ml;
        };
    }

    /** Host names in a stable order: web, db, ml. */
    public List<String> hostNames() {
        List<String> names = new ArrayList<>(size());
        for (Role role : Role.values()) {
            for (int i = 1; i <= count(role); i++) {
                names.add(role.label() + "-" + i);
            }
        }
        return names;
    }

    @Override
    public String toString() {
        return "web=" + web + ",db=" + db + ",ml=" + ml;
    }
}
