package io.opsdeck.dashboard.variables;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Grafana's variable regex (filter, capture group or named group "value") and sort codes 0-8. */
final class OptionFilter {

    private static final Pattern SLASHED = Pattern.compile("^/(.*)/([gimsuy]*)$", Pattern.DOTALL);
    private static final Pattern CHUNKS = Pattern.compile("\\d+|\\D+");

    private OptionFilter() {
    }

    /** Compiles "/re/flags" or a bare regex; throws IllegalArgumentException naming the problem. */
    static Pattern compile(String regex) {
        Matcher m = SLASHED.matcher(regex);
        String body = regex;
        int flags = 0;
        if (m.matches()) {
            body = m.group(1);
            flags = m.group(2).contains("i") ? Pattern.CASE_INSENSITIVE : 0;
        }
        try {
            return Pattern.compile(body, flags);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regex '" + regex + "': " + e.getDescription(), e);
        }
    }

    static List<String> apply(List<String> values, String regex, int sort) {
        Set<String> out = new LinkedHashSet<>();
        Pattern p = regex == null || regex.isBlank() ? null : compile(regex);
        for (String v : values) {
            if (p == null) {
                out.add(v);
                continue;
            }
            Matcher m = p.matcher(v);
            if (!m.find()) {
                continue;
            }
            String picked = namedGroup(m, "value");
            if (picked == null) {
                picked = namedGroup(m, "text");
            }
            if (picked == null) {
                picked = m.groupCount() > 0 ? m.group(1) : v;
            }
            if (picked != null) {
                out.add(picked);
            }
        }
        List<String> list = new ArrayList<>(out);
        Comparator<String> c = comparator(sort);
        if (c != null) {
            list.sort(c);
        }
        return list;
    }

    private static String namedGroup(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Comparator<String> comparator(int sort) {
        return switch (sort) {
            case 1 -> Comparator.naturalOrder();
            case 2 -> Comparator.<String>naturalOrder().reversed();
            case 3 -> Comparator.comparing(OptionFilter::leadingNumber);
            case 4 -> Comparator.comparing(OptionFilter::leadingNumber).reversed();
            case 5 -> String.CASE_INSENSITIVE_ORDER;
            case 6 -> String.CASE_INSENSITIVE_ORDER.reversed();
            case 7 -> OptionFilter::natural;
            case 8 -> ((Comparator<String>) OptionFilter::natural).reversed();
            default -> null;
        };
    }

    // Grafana sorts numerically by the first number in the text; texts without one sort first.
    private static BigDecimal leadingNumber(String s) {
        Matcher m = Pattern.compile("-?\\d+(\\.\\d+)?").matcher(s);
        return m.find() ? new BigDecimal(m.group()) : BigDecimal.valueOf(Long.MIN_VALUE);
    }

    static int natural(String a, String b) {
        Matcher ma = CHUNKS.matcher(a);
        Matcher mb = CHUNKS.matcher(b);
        while (ma.find() && mb.find()) {
            String x = ma.group();
            String y = mb.group();
            int c;
            if (Character.isDigit(x.charAt(0)) && Character.isDigit(y.charAt(0))) {
                c = new java.math.BigInteger(x).compareTo(new java.math.BigInteger(y));
            } else {
                c = x.compareToIgnoreCase(y);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length(), b.length());
    }
}
