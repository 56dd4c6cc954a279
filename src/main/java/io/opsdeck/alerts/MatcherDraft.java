package io.opsdeck.alerts;

import io.opsdeck.alertmanager.Matcher;
import java.util.Objects;

/**
 * One matcher row of the silence editor, as typed (possibly invalid until {@link SilenceDraft#validate}).
 *
 * @param operator one of {@code = != =~ !~}
 */
public record MatcherDraft(String name, String operator, String value) {

    public MatcherDraft {
        name = name == null ? "" : name;
        operator = operator == null ? "=" : operator;
        value = value == null ? "" : value;
    }

    public static MatcherDraft of(Matcher m) {
        return new MatcherDraft(m.name(), m.operator(), m.value());
    }

    public static MatcherDraft equal(String name, String value) {
        return new MatcherDraft(name, "=", value);
    }

    /** The matcher; throws {@link IllegalArgumentException} with the reason when invalid. */
    public Matcher toMatcher() {
        if (!name.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
            throw new IllegalArgumentException(name.isEmpty() ? "the label name is empty"
                    : "'" + name + "' is not a valid label name (letters, digits and _, not starting with a digit)");
        }
        return switch (operator) {
            case "=" -> Matcher.equal(name, value);
            case "!=" -> Matcher.notEqual(name, value);
            case "=~", "!~" -> {
                try {
                    java.util.regex.Pattern.compile(value);
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw new IllegalArgumentException("invalid regex \"" + value + "\": " + e.getDescription(), e);
                }
                yield operator.equals("=~") ? Matcher.regex(name, value) : Matcher.notRegex(name, value);
            }
            default -> throw new IllegalArgumentException("unknown operator '" + operator + "'; use =, !=, =~ or !~");
        };
    }

    public MatcherDraft withValue(String newValue) {
        return new MatcherDraft(name, operator, Objects.requireNonNullElse(newValue, ""));
    }

    public MatcherDraft withOperator(String newOperator) {
        return new MatcherDraft(name, newOperator, value);
    }
}
