package io.opsdeck.remediation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Where a plan parameter comes from (an alert label) and what it may be: a fully anchored regex or an allow-list.
 * A value that fails is never used; the request is rejected and audited.
 *
 * @param label  the alert label to read (default: the parameter's own name)
 * @param regex  the value must match this entirely
 * @param allow  the value must be one of these
 */
public record ParamRule(String label, String regex, List<String> allow, @JsonProperty("max_length") Integer maxLength) {

    public ParamRule {
        allow = allow == null ? List.of() : List.copyOf(allow);
        maxLength = maxLength == null ? 253 : maxLength;
        if ((regex == null) == allow.isEmpty()) {
            throw new IllegalArgumentException("a parameter needs exactly one of 'regex' or 'allow'");
        }
        if (regex != null) {
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("bad regex '" + regex + "': " + e.getDescription(), e);
            }
        }
    }

    /** Null when the value is acceptable, else why not (the value itself is quoted escaped, never raw). */
    public String problem(String value) {
        if (value == null) {
            return "label '" + label + "' is missing";
        }
        if (value.length() > maxLength) {
            return "value is longer than " + maxLength + " characters";
        }
        if (regex != null) {
            // matches() anchors at both ends; DOTALL off and no MULTILINE, so a newline never slips past '$'
            return Pattern.compile(regex).matcher(value).matches() ? null : "value " + quote(value) + " does not match " + regex;
        }
        return allow.contains(value) ? null : "value " + quote(value) + " is not one of " + allow;
    }

    ParamRule named(String name) {
        return label == null ? new ParamRule(name, regex, allow, maxLength) : this;
    }

    /** Printable, bounded rendering of an untrusted value for messages and the audit log. */
    static String quote(String value) {
        StringBuilder b = new StringBuilder("'");
        value.codePoints().limit(80).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f) {
                b.append(String.format("\\x%02x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.append(value.length() > 80 ? "...'" : "'").toString();
    }
}
