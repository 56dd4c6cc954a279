package io.opsdeck.dashboard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep, unmodifiable copies of option trees (maps, lists and scalars) with null entries dropped. */
public final class PlainValues {

    private PlainValues() {
    }

    /** Unmodifiable deep copy preserving key order. */
    public static Map<String, Object> copyMap(Map<String, ?> source) {
        Map<String, Object> out = new LinkedHashMap<>();
        source.forEach((k, v) -> {
            Object c = copy(v);
            if (k != null && c != null) {
                out.put(k, c);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    @SuppressWarnings("unchecked")
    static Object copy(Object v) {
        if (v instanceof Map<?, ?> m) {
            return copyMap((Map<String, ?>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                Object c = copy(o);
                if (c != null) {
                    out.add(c);
                }
            }
            return Collections.unmodifiableList(out);
        }
        return v;
    }

    /** Value at a dotted path such as {@code reduceOptions.calcs}, or null. */
    public static Object at(Map<String, Object> root, String path) {
        Object cur = root;
        for (String part : path.split("\\.")) {
            if (!(cur instanceof Map<?, ?> m)) {
                return null;
            }
            cur = m.get(part);
        }
        return cur;
    }
}
