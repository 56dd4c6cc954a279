package io.opsdeck.alerts;

import io.opsdeck.util.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Hand-written lexer and parser of the filter language (see {@link Filter}); errors carry positions. */
final class FilterParser {

    /** Keywords after {@code @}: the first group takes a value, the rest are flags. */
    static final List<String> VALUE_KEYWORDS = List.of("state", "receiver", "cluster", "age");
    static final List<String> FLAG_KEYWORDS = List.of("acked", "silenced", "inhibited", "stale", "firing", "resolved");
    static final List<String> STATE_WORDS =
            List.of("active", "suppressed", "firing", "acked", "silenced", "inhibited", "resolved");

    private final String text;
    private int pos;

    FilterParser(String text) {
        this.text = text;
    }

    /** The compiled terms, each with its source text (the key under which its matches may be cached). */
    List<Filter.Parsed> parse() {
        List<Filter.Parsed> terms = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (pos >= text.length()) {
                return terms;
            }
            int start = pos;
            char c = text.charAt(pos);
            Filter.Term term;
            if (c == '@') {
                term = keyword();
            } else if (c == '"') {
                term = FilterTerms.freeText(quoted());
            } else if (isNameStart(c)) {
                term = labelOrWord();
            } else {
                term = FilterTerms.freeText(word());
            }
            terms.add(new Filter.Parsed(term, text.substring(start, pos)));
        }
    }

    private Filter.Term labelOrWord() {
        int start = pos;
        while (pos < text.length() && isNameChar(text.charAt(pos))) {
            pos++;
        }
        String name = text.substring(start, pos);
        int afterName = pos;
        skipSpaces();
        String op = operator(false);
        if (op == null) {
            pos = afterName; // a plain word such as disk-full
            while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            return FilterTerms.freeText(text.substring(start, pos));
        }
        Value value = value(op);
        return labelTerm(name, op, value);
    }

    private Filter.Term labelTerm(String name, String op, Value value) {
        Pattern p = op.endsWith("~") ? regex(value) : null;
        return FilterTerms.label(name, value.text, p, op.startsWith("!"));
    }

    private Filter.Term keyword() {
        int at = pos++;
        int start = pos;
        while (pos < text.length() && isNameChar(text.charAt(pos))) {
            pos++;
        }
        String name = text.substring(start, pos).toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            throw error(at, 1, "expected a keyword after '@': one of " + keywords());
        }
        if (!VALUE_KEYWORDS.contains(name) && !FLAG_KEYWORDS.contains(name)) {
            throw error(at, pos - at, "unknown keyword @" + name + "; known: " + keywords());
        }
        if (FLAG_KEYWORDS.contains(name)) {
            if (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
                throw error(pos, 1, "@" + name + " takes no value");
            }
            return FilterTerms.flag(name);
        }
        int opAt = pos;
        String op = operator(name.equals("age"));
        if (op == null) {
            String expected = name.equals("age") ? "'>' or '<' (e.g. @age>10m)" : "'=', '!=', '=~' or '!~'";
            throw error(opAt, 1, "@" + name + " needs an operator: " + expected);
        }
        return switch (name) {
            case "age" -> age(op, opAt);
            case "state" -> state(op, opAt, value(op));
            case "cluster" -> stringKeyword(op, value(op), false);
            default -> stringKeyword(op, value(op), true);
        };
    }

    private Filter.Term age(String op, int opAt) {
        if (op.startsWith("=") || op.startsWith("!")) {
            throw error(opAt, op.length(), "@age compares with '>' or '<' (e.g. @age>10m), not '" + op + "'");
        }
        int start = pos;
        String word = word();
        if (word.isEmpty()) {
            throw error(start, 1, "@age needs a duration after '" + op + "' (e.g. 10m, 1h30m)");
        }
        Duration limit = Durations.parse(word).orElseThrow(
                () -> error(start, word.length(), "invalid duration '" + word + "' (e.g. 30s, 10m, 1h30m, 2d)"));
        return FilterTerms.age(op, limit);
    }

    private Filter.Term state(String op, int opAt, Value value) {
        if (op.endsWith("~")) {
            throw error(opAt, op.length(), "@state takes '=' or '!=' with words joined by '|', e.g. @state=firing|acked");
        }
        Set<RowState> states = EnumSet.noneOf(RowState.class);
        int offset = value.offset + (value.quoted ? 1 : 0);
        for (String word : value.text.split("\\|", -1)) {
            switch (word.toLowerCase(Locale.ROOT)) {
                case "active", "firing" -> states.add(RowState.FIRING);
                case "suppressed" -> states.addAll(EnumSet.of(RowState.ACKNOWLEDGED, RowState.SILENCED, RowState.INHIBITED));
                case "acked", "acknowledged" -> states.add(RowState.ACKNOWLEDGED);
                case "silenced" -> states.add(RowState.SILENCED);
                case "inhibited" -> states.add(RowState.INHIBITED);
                case "resolved" -> states.add(RowState.RESOLVED);
                default -> throw error(offset, Math.max(1, word.length()),
                        "unknown state '" + word + "'; one of " + String.join(", ", STATE_WORDS));
            }
            offset += word.length() + 1;
        }
        return FilterTerms.state(states, op.equals("!="));
    }

    private Filter.Term stringKeyword(String op, Value value, boolean receiver) {
        Pattern p = op.endsWith("~") ? regex(value) : null;
        return receiver ? FilterTerms.receiver(value.text, p, op.startsWith("!"))
                : FilterTerms.cluster(value.text, p, op.startsWith("!"));
    }

    /** Reads {@code = != =~ !~} (and {@code > >= < <=} when allowed); {@code null} without consuming otherwise. */
    private String operator(boolean comparisons) {
        if (pos >= text.length()) {
            return null;
        }
        char c = text.charAt(pos);
        char next = pos + 1 < text.length() ? text.charAt(pos + 1) : 0;
        String op = null;
        if (c == '=') {
            op = next == '~' ? "=~" : "=";
        } else if (c == '!' && (next == '=' || next == '~')) {
            op = "!" + next;
        } else if (comparisons && (c == '>' || c == '<')) {
            op = next == '=' ? c + "=" : String.valueOf(c);
        }
        if (op != null) {
            pos += op.length();
        }
        return op;
    }

    private record Value(String text, int offset, int length, boolean quoted) {
    }

    private Value value(String op) {
        skipSpaces();
        int start = pos;
        if (pos >= text.length()) {
            throw error(start, 1, "missing value after '" + op + "' (write \"\" for an empty value)");
        }
        if (text.charAt(pos) == '"') {
            String v = quoted();
            return new Value(v, start, pos - start, true);
        }
        String v = word();
        return new Value(v, start, v.length(), false);
    }

    private Pattern regex(Value value) {
        try {
            return Pattern.compile(value.text);
        } catch (PatternSyntaxException e) {
            throw error(value.offset, Math.max(1, value.length),
                    "invalid regex \"" + value.text + "\": " + e.getDescription());
        }
    }

    /** A double-quoted string with {@code \" \\ \n} escapes; {@code pos} ends after the closing quote. */
    private String quoted() {
        int open = pos++;
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                char next = text.charAt(pos++);
                switch (next) {
                    case 'n' -> out.append('\n');
                    case '"', '\\' -> out.append(next);
                    default -> out.append('\\').append(next);
                }
            } else if (c == '"') {
                if (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
                    throw error(pos, 1, "expected a space after the closing quote");
                }
                return out.toString();
            } else {
                out.append(c);
            }
        }
        throw error(open, text.length() - open, "unclosed quote");
    }

    private String word() {
        int start = pos;
        while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isNameChar(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    private static String keywords() {
        List<String> all = new ArrayList<>();
        VALUE_KEYWORDS.forEach(k -> all.add("@" + k));
        FLAG_KEYWORDS.forEach(k -> all.add("@" + k));
        return String.join(", ", all);
    }

    private static FilterException error(int offset, int length, String message) {
        return new FilterException(new FilterError(offset, Math.max(1, length), message));
    }
}
